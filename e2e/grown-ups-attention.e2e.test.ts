/**
 * Grown-ups told without opening the pane (issue 14), in Chromium through the real renderer: the
 * locked pane of a family PC shows how many things wait for a grown-up (a count, no names), in
 * English and Spanish, axe-clean and saved under artifacts/screens/; and a grown-up's own PC in
 * parent mode shows a friend request as a web notification (names only), once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createHearthClient, type HearthApi } from '@hearth/common';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import { directTransport, must, RELAY_PASSWORD, setUpFamily, TEST_PASSWORD } from '@hearth/test-kit/desktop';
import { waitFor } from '@hearth/test-kit/ports';
import { launchChromium, openWindow } from './support/browser';
import { startWorld, type Pc, type World } from './support/hosts';
import { windowFor, type Lang } from './support/ui';

const STEP_MS = 180_000;

let world: World;
let browser: Browser;
const started = createClosers();

const apiOf = (pc: Pc): HearthApi => {
  if (!pc.app) throw new Error(`${pc.name} is not running`);
  return createHearthClient(directTransport(pc.app.core));
};

/** Records every web notification the page makes, around the browser's own Notification API. */
const RECORD_NOTIFICATIONS = `(() => {
  const Real = window.Notification;
  window.__notes = [];
  window.Notification = class extends Real {
    constructor(title, options) {
      super(title, options);
      window.__notes.push({ title, body: options.body, tag: options.tag });
    }
  };
})()`;

const notes = (page: Page): Promise<{ title: string; body: string; tag: string }[]> =>
  page.evaluate(() => (globalThis as unknown as { __notes: { title: string; body: string; tag: string }[] }).__notes);

describe.skipIf(withoutChromium())('grown-ups told without opening the pane', () => {
  let mayaPc: Pc;
  let tomPc: Pc;
  let parentPc: Pc;
  let parentPage: Page;

  beforeAll(async () => {
    world = started.add(await startWorld(), () => world.close());
    browser = started.add(await launchChromium(), () => browser.close());
    mayaPc = await world.newPc('attention-en');
    tomPc = await world.newPc('attention-es');
    parentPc = await world.newPc('attention-parent');
  }, STEP_MS);

  afterAll(() => started.closeAll());

  it(
    'shows a friend request as a notification on the grown-up’s own PC, and the count on both families’ locked panes',
    async () => {
      const maya = await setUpFamily(apiOf(mayaPc), 'Maya');
      const tom = await setUpFamily(apiOf(tomPc), 'Tom');
      // Maya's grown-up's own PC in parent mode, its page open (with notifications allowed), the pane locked.
      const parent = apiOf(parentPc);
      must(await parent.signInParent({ email: maya.parentEmail, password: RELAY_PASSWORD }));
      must(await parent.setParentPassword({ password: TEST_PASSWORD }));
      const { childId: parentId } = must(await parent.startParentMode({ email: maya.parentEmail, password: RELAY_PASSWORD }));
      must(await parent.lock());
      const opened = await openWindow(browser, 'en-GB');
      started.add(opened.context, () => opened.context.close());
      await opened.context.grantPermissions(['notifications']);
      await opened.context.addInitScript(RECORD_NOTIFICATIONS);
      parentPage = opened.page;
      await parentPage.goto(parentPc.url);
      await parentPage.locator('[data-screen]').first().waitFor();
      await waitFor(() => parentPc.app?.core.sync.connectionState(parentId) === 'online', 10_000, 'parent mode online');

      // The children: Maya's code, typed in by Tom, confirmed by Maya; both locked panes wait for a grown-up.
      for (const pc of [mayaPc, tomPc]) must(await apiOf(pc).lock());
      must(await apiOf(mayaPc).selectProfile({ childId: maya.childId }));
      must(await apiOf(tomPc).selectProfile({ childId: tom.childId }));
      const invite = must(await apiOf(mayaPc).createInvite());
      const { friendshipId } = must(await apiOf(tomPc).redeemInvite({ code: invite.code }));
      must(await apiOf(mayaPc).actOnFriendship({ friendshipId, action: 'confirm' }));
      for (const pc of [mayaPc, tomPc]) must(await apiOf(pc).leaveProfile());

      await expect.poll(() => notes(parentPage), { timeout: 10_000 }).toHaveLength(1);
      expect((await notes(parentPage))[0]).toMatchObject({
        title: 'Friend request for Maya',
        body: 'Maya and Tom want to be friends. Open Hearth to approve.',
      });
      expect(opened.watch.errors).toEqual([]);
    },
    STEP_MS,
  );

  it.each([
    { lang: 'en' as Lang, locale: 'en-GB', pc: () => mayaPc, friend: 'Tom' },
    { lang: 'es' as Lang, locale: 'es-ES', pc: () => tomPc, friend: 'Maya' },
  ])(
    'shows the count on the locked pane, without a name ($lang)',
    async ({ lang, locale, pc, friend }) => {
      const opened = await openWindow(browser, locale);
      started.add(opened.context, () => opened.context.close());
      const w = windowFor(opened.page, lang, `attention-${lang}`);
      await opened.page.goto(pc().url);
      await w.screen('profile-picker');
      await w.button('picker.grownUps').click();
      await w.screen('grown-ups-locked');
      const badge = opened.page.getByTestId('attention-badge');
      await expect
        .poll(() => badge.textContent(), { timeout: 10_000 })
        .toBe(`1${w.text('pane.attention.waiting_one', { count: 1 })}`);
      expect(await opened.page.locator('main').textContent()).not.toContain(friend);
      await w.shot('locked-pane-badge');
      expect(w.problems).toEqual([]);
      // The count follows: a grown-up approves, and the badge goes.
      const api = apiOf(pc());
      must(await api.unlock({ password: TEST_PASSWORD }));
      const waiting = must(await api.listApprovals()).friendships[0];
      must(await api.actOnFriendshipAsParent({ friendshipId: waiting?.friendshipId ?? '', action: 'approve' }));
      must(await api.lock());
      await w.screen('grown-ups-locked');
      await expect.poll(() => badge.count(), { timeout: 10_000 }).toBe(0);
      expect(opened.watch.errors).toEqual([]);
    },
    STEP_MS,
  );
});
