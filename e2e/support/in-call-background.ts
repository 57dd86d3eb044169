import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { say } from './ui';

/**
 * In the call on `page`, opens the backgrounds chooser and picks the bundled ocean, then waits
 * until `seen` says it shows. A busy machine (CI runs other tests beside this one) may turn the
 * effect off, as it should before the call stutters: the child then does what the notice invites
 * and picks it again.
 */
export async function pickOceanInCall(page: Page, seen: () => Promise<boolean>): Promise<void> {
  await page.getByTestId('call-backgrounds-toggle').click();
  const ocean = page.getByRole('radio', { name: say('en', 'backgrounds.bundled.ocean') });
  await ocean.click();
  const tooBusy = page.getByText(say('en', 'backgrounds.notice.effects-turned-off'));
  await expect
    .poll(
      async () => {
        if (await tooBusy.isVisible()) await ocean.click();
        return seen();
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
}
