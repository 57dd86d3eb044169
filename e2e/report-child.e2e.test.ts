/**
 * "Something's wrong" (issue 15, F11), the child's side, through the real app in Chromium: three
 * children's PCs and one relay. Ana sends Mia a mean message; Mia reports it from its bubble with
 * the keyboard: the reason picker (five pictures), the calm words, and Ana gone from her friends.
 * Then Mia video-calls Leo and reports him from the call screen: the call ends on both sides at
 * once (Leo sees a normal hang-up), the calm words, Leo gone. The picker and the calm words are
 * saved under artifacts/screens/ (and /tmp) and checked with axe-core.
 *
 * The report made during the call names the call as Mia's call log has it and carries that log
 * entry (read back as her grown-up reads it). The reports go to the relay's own report routes;
 * what the child sees does not wait for them (the relay's side is checked in
 * desktop/src/main/services/reports.int.test.ts and safety.e2e.test.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSummary } from '@hearth/common';
import { befriendKids, openCallWorld, type CallKid, type CallWorld } from '@hearth/test-kit/call-world';
import { must, TEST_PASSWORD } from '@hearth/test-kit/desktop';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { bubbleWith, openChat, sendText } from './support/flows';
import { shows } from './support/see';
import { windowFor, type Window } from './support/ui';

const STEP_MS = 180_000;

async function phase(kid: CallKid): Promise<string> {
  const screen = kid.page.getByTestId('call-screen');
  if ((await screen.count()) === 0) return (await kid.page.getByTestId('call-ended').count()) > 0 ? 'ended' : 'none';
  return (await screen.getAttribute('data-phase')) ?? 'none';
}

const friendCard = (w: Window, name: string) => w.page.locator('.friend-card', { hasText: name });

describe.skipIf(withoutChromium())('a child reports a message and a call', () => {
  let work: string;
  let world: CallWorld;
  let mia: CallKid;
  let leo: CallKid;
  let ana: CallKid;
  let m: Window;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'hearth-report-e2e-'));
    world = await openCallWorld({ workDir: work, names: ['Mia', 'Leo'], page: 'app', ringTimeoutMs: 20_000 });
    [mia, leo] = world.kids as [CallKid, CallKid];
    ana = await world.addKid('Ana');
    await befriendKids(mia, ana);
    await mia.page.reload();
    m = windowFor(mia.page, 'en', 'report-child');
    await m.screen('kid-home');
    await friendCard(m, 'Ana').waitFor({ timeout: 20_000 });
  }, 300_000);

  afterAll(async () => {
    await world?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it(
    'reports a mean message with the keyboard: calm words, and the friend gone at once',
    async () => {
      await ana.page.reload();
      const a = windowFor(ana.page, 'en', 'report-child-ana');
      await a.screen('kid-home');
      await openChat(a, 'Mia');
      await sendText(a, 'you are stupid and nobody likes you');

      await openChat(m, 'Ana');
      const bubble = bubbleWith(m, 'you are stupid and nobody likes you');
      await bubble.waitFor({ timeout: 20_000 });
      await bubble.getByTestId('report-button').focus();
      await mia.page.keyboard.press('Enter');
      const dialog = mia.page.getByTestId('report-dialog');
      await shows(dialog, m.text('report.title'));
      for (const reason of ['mean-words', 'scary-picture', 'secrets-or-where-i-live', 'wants-to-meet', 'something-else']) {
        await shows(dialog.locator(`[data-reason="${reason}"]`), m.text(`report.reasons.${reason}`));
      }
      // The keyboard alone: a reason, then "Tell a grown-up".
      await dialog.locator('[data-reason="mean-words"]').focus();
      await mia.page.keyboard.press('Space');
      expect(await dialog.locator('[data-reason="mean-words"]').getAttribute('aria-pressed')).toBe('true');
      await m.shot('picker');
      await mia.page.screenshot({ path: '/tmp/report-picker.png' });
      await dialog.getByTestId('report-send').focus();
      await mia.page.keyboard.press('Enter');
      await shows(mia.page.getByTestId('report-calm'), m.text('report.calm'));
      await m.shot('calm');
      await mia.page.screenshot({ path: '/tmp/report-calm.png' });
      await mia.page.getByTestId('report-ok').click();
      await m.screen('kid-home');
      await expect.poll(() => friendCard(m, 'Ana').count(), { timeout: 10_000 }).toBe(0);
      await shows(friendCard(m, 'Leo'), 'Leo');
      await m.shot('home-after');
      await mia.page.screenshot({ path: '/tmp/report-home-after.png', fullPage: true });
      expect(m.problems).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'reports during a call: the call ends on both sides at once, then the calm words',
    async () => {
      await leo.page.reload();
      await leo.page.locator('[data-screen="kid-home"]').waitFor({ timeout: 20_000 });
      const dial = mia.page.getByTestId(`call-video-${leo.childId}`);
      await expect.poll(() => dial.isEnabled(), { timeout: 20_000 }).toBe(true);
      await dial.click();
      await leo.page.getByTestId('call-ring').waitFor({ timeout: 15_000 });
      await leo.page.getByTestId('call-accept').click();
      for (const kid of [mia, leo]) await expect.poll(() => phase(kid), { timeout: 20_000 }).toBe('active');

      await mia.page.getByTestId('call-screen').getByTestId('report-button').click();
      // Hung up at once, the normal way: Leo's side ends as for any hang-up.
      await expect.poll(() => phase(leo), { timeout: 20_000 }).not.toBe('active');
      // (The end note goes after a moment: where it is still there, it says Leo's friend hung up.)
      const reason = await leo.page
        .getByTestId('call-ended')
        .getAttribute('data-reason', { timeout: 2_000 })
        .catch(() => null);
      if (reason !== null) expect(reason).toBe('remote-hung-up');
      expect(await mia.page.getByTestId('call-screen').count()).toBe(0);

      const dialog = mia.page.getByTestId('report-dialog');
      await dialog.locator('[data-reason="scary-picture"]').click();
      await dialog.getByTestId('report-send').click();
      await shows(mia.page.getByTestId('report-calm'), m.text('report.calm'));
      await mia.page.getByTestId('report-ok').click();
      await expect.poll(() => friendCard(m, 'Leo').count(), { timeout: 10_000 }).toBe(0);
      expect(m.problems).toEqual([]);

      // The report names the call by its id in Mia's call log, and carries that entry.
      const [call] = must(await mia.api.listCalls({ contactId: leo.childId })).calls;
      expect(call?.outcome).toBe('answered');
      must(await mia.api.unlock({ password: TEST_PASSWORD }));
      let made: ReportSummary | undefined;
      await expect
        .poll(
          async () => {
            made = must(await mia.api.listChildReports({})).reports.find((r) => r.place === 'call');
            return made !== undefined;
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      const report = must(await mia.api.getChildReport({ reportId: made!.reportId }));
      must(await mia.api.lock());
      expect(report.itemId).toBe(call?.callId);
      expect(report.calls.map((c) => c.callId)).toContain(call?.callId);
    },
    STEP_MS,
  );
});
