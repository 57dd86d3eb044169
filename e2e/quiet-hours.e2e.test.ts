/**
 * Quiet time on the family PC (issue 14), in Chromium through the UI, against a real relay whose
 * clock the test moves. The children's PC (its core and its page) runs six hours ahead of the
 * relay: quiet time still starts and ends on the relay's clock. Quiet time starting soon shows its
 * warning, then the calm quiet screen; the child still writes to her guardian; a friend's message
 * waits and arrives when quiet time ends. Then the grown-ups' pane shows the child's quiet time.
 * Every new screen in English and Spanish, saved under artifacts/screens/ and checked with axe-core.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createHearthClient, type ChildId, type HearthApi, type WeeklyWindows } from '@hearth/common';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import { befriend, directTransport, must, RELAY_PASSWORD, setUpFamily, TEST_PASSWORD } from '@hearth/test-kit/desktop';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { openWindow } from './support/browser';
import { bubbleWith, openChat, sendText } from './support/flows';
import { buildRenderer, startPc, stopPc, type Pc } from './support/hosts';
import { lacks, shows, visible } from './support/see';
import { storyHooks } from './support/story';
import { windowFor, type Window } from './support/ui';
import { launchWebHostApp } from '@hearth/desktop/main/web-host/launch';
import { silentLogger } from '@hearth/desktop/main/logging/logger';

const STEP_MS = 180_000;
const MIN = 60_000;
const HOUR = 60 * MIN;
/** How far ahead the children's PC and its page believe they are. */
const AHEAD = 6 * HOUR;
const none: WeeklyWindows = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

/** The next Monday, 09:00 in London (the children's zone): sessions made now stay valid. */
function nextMondayNineInLondon(): number {
  const today = new Date();
  const daysAhead = ((8 - today.getUTCDay()) % 7) + 7;
  const utcNine = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + daysAhead, 9, 0, 0);
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
    .formatToParts(utcNine)
    .find((p) => p.type === 'timeZoneName')?.value;
  return utcNine - Number(/GMT([+-]\d+)?/.exec(name ?? '')?.[1] ?? 0) * HOUR;
}

type QuietWorld = Readonly<{
  relay: TestRelay;
  kidsPc: Pc;
  friendPc: Pc;
  kids: HearthApi;
  friend: HearthApi;
  close: () => Promise<void>;
}>;

let relayNow = nextMondayNineInLondon();
let world: QuietWorld;
let browser: Browser;
let w: Window;
/** Leo's window on his family's PC. */
let friendWindow: Window;
let mia: Awaited<ReturnType<typeof setUpFamily>>;
let leo: Awaited<ReturnType<typeof setUpFamily>>;
const started = createClosers();

/** Lets the relay look at quiet time now (it also does on timers of its clock). */
function quietTick(r: TestRelay): Promise<void> {
  // The realtime plugin decorates the app; its type lives with the relay's own Fastify types.
  return (r.app() as unknown as { realtime: { quietTick: () => Promise<void> } }).realtime.quietTick();
}

/** Moves the relay's clock and lets it look at quiet time now. */
async function advance(ms: number): Promise<void> {
  relayNow += ms;
  await quietTick(world.relay);
}

/** A page whose `Date` runs six hours ahead: nothing on screen may depend on it. */
async function shiftPageClock(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    const Real = Date; const ahead = ${AHEAD};
    class Ahead extends Real {
      constructor(...a) { if (a.length === 0) super(Real.now() + ahead); else super(...a); }
      static now() { return Real.now() + ahead; }
    }
    globalThis.Date = Ahead;
  })()`);
}

async function startQuietWorld(): Promise<QuietWorld> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-quiet-'));
  const rendererDir = await buildRenderer(work);
  const relay = await startTestRelay({}, { now: () => relayNow });
  const kidsPc: Pc = { name: 'kids', dataDir: path.join(work, 'kids'), app: null, url: '' };
  const friendPc: Pc = { name: 'friend', dataDir: path.join(work, 'friend'), app: null, url: '' };
  await fs.mkdir(kidsPc.dataDir);
  await fs.mkdir(friendPc.dataDir);
  kidsPc.app = await launchWebHostApp({
    relayUrl: relay.url,
    dataDir: kidsPc.dataDir,
    rendererDir,
    appVersion: '0.3.0-e2e',
    logger: silentLogger(),
    now: () => Date.now() + AHEAD,
  });
  kidsPc.url = kidsPc.app.host.url;
  await startPc(friendPc, relay, rendererDir);
  const api = (pc: Pc): HearthApi => {
    if (!pc.app) throw new Error(`${pc.name} is not running`);
    return createHearthClient(directTransport(pc.app.core));
  };
  return {
    relay,
    kidsPc,
    friendPc,
    kids: api(kidsPc),
    friend: api(friendPc),
    close: async () => {
      await stopPc(kidsPc).catch(() => undefined);
      await stopPc(friendPc).catch(() => undefined);
      await relay.dispose();
      await fs.rm(work, { recursive: true, force: true });
    },
  };
}

/** The grown-ups' pane on the children's PC, at its "Quiet time" section. */
async function openQuietSection(): Promise<void> {
  await w.button('picker.grownUps').click();
  await w.screen('grown-ups-locked');
  await w.field('pane.password').fill(TEST_PASSWORD);
  await w.button('pane.unlock').click();
  const signIn = w.page.locator('[data-screen="grown-ups-requests-sign-in"]');
  await signIn.or(w.page.locator('[data-screen="grown-ups-requests"]')).waitFor({ timeout: 20_000 });
  if ((await signIn.count()) > 0) {
    await w.field('firstRun.email').fill(mia.parentEmail);
    await w.field('firstRun.relayPassword').fill(RELAY_PASSWORD);
    await w.page
      .getByRole('form')
      .getByRole('button', { name: w.text('firstRun.signIn') })
      .click();
    await w.screen('grown-ups-requests');
  }
  await w.page.getByRole('button', { name: w.text('pane.nav.quiet') }).click();
  await w.screen('grown-ups-quiet');
  await visible(w.page.locator('[data-testid="quiet-status"]'));
}

async function toProfilePicker(): Promise<void> {
  // As "Switch" does; the page opens at the picker.
  must(await world.kids.leaveProfile());
  await w.page.goto(world.kidsPc.url);
  await w.screen('profile-picker');
}

async function asMia(): Promise<void> {
  await toProfilePicker();
  await w.page.locator('.profile-tile', { hasText: 'Mia' }).click();
  await w.screen('kid-home');
}

describe.skipIf(withoutChromium())('quiet time on the family PC, through the UI', () => {
  storyHooks({
    started,
    timeoutMs: STEP_MS,
    failedPrefix: 'quiet-',
    fullPage: true,
    start: startQuietWorld,
    use: async (made, opened) => {
      world = made;
      browser = opened;
      mia = await setUpFamily(world.kids, 'Mia');
      leo = await setUpFamily(world.friend, 'Leo');
      await befriend(world.kids, mia.childId, world.friend, leo.childId);
      must(await world.kids.lock());
      must(await world.kids.leaveProfile());
      const { page } = await openWindow(browser, 'en-GB');
      await shiftPageClock(page);
      w = windowFor(page, 'en', 'quiet-en');
    },
  });

  it('warns ten minutes before, then shows the quiet screen on the relay’s clock, though the PC is hours ahead', async () => {
    await asMia();
    const childId = mia.childId as ChildId;
    // The pane's contract: quiet from 09:08 to 10:00 today (in eight minutes on the relay's clock).
    must(await world.kids.unlock({ password: TEST_PASSWORD }));
    must(
      await world.kids.setChildQuiet({
        childId,
        schedule: {
          quiet: { ...none, mon: [{ start: '09:08', end: '10:00' }] },
          dailyLimitMinutes: null,
          trustedGrownUpsReach: false,
        },
      }),
    );
    must(await world.kids.lock());
    await shows(w.page.locator('[data-testid="quiet-warning"]'), w.text('quiet.soon_other', { count: 8 }));
    await w.shot('warning');

    await advance(8 * MIN);
    await w.screen('quiet-time');
    await shows(w.page.locator('.quiet-headline'), w.text('quiet.seeYouAt', { time: '10:00' }));
    await w.shot('quiet-screen');
  });

  it('never rings: the friend sees the child as not here and cannot call', async () => {
    const { page } = await openWindow(browser, 'en-GB');
    friendWindow = windowFor(page, 'en', 'quiet-en-friend');
    await page.goto(world.friendPc.url);
    await friendWindow.screen('kid-home');
    const dial = page.getByTestId(`call-video-${mia.childId}`);
    await expect.poll(() => dial.isDisabled(), { timeout: 20_000 }).toBe(true);
    await shows(page.locator('.friend-card', { hasText: 'Mia' }), friendWindow.text('presence.offline'));
    expect(await w.page.getByTestId('call-ring').count()).toBe(0);
  });

  it('holds a friend’s message, lets the child write to her guardian, and delivers the message when quiet ends', async () => {
    must(await world.friend.sendMessage({ contactId: mia.childId, content: { kind: 'text', text: 'good morning Mia' } }));
    // The child's own grown-up is one tap away on the quiet screen.
    await w.button('quiet.write', { name: "Mia's parent" }).click();
    await w.screen('chat');
    await sendText(w, 'good night');
    await expect.poll(() => bubbleWith(w, 'good night').getAttribute('data-state'), { timeout: 20_000 }).not.toBe('queued');
    await w.page.locator('.back-button').click();
    await w.screen('quiet-time');

    await advance(52 * MIN);
    await w.screen('kid-home');
    await openChat(w, 'Leo');
    await visible(bubbleWith(w, 'good morning Mia'));
    await lacks(w.page.locator('[data-testid="quiet-warning"]'), w.text('quiet.title'));
    // Leo sees Mia again and may call her.
    await expect
      .poll(() => friendWindow.page.getByTestId(`call-video-${mia.childId}`).isEnabled(), { timeout: 20_000 })
      .toBe(true);
  });

  it('shows the child’s quiet time in the grown-ups’ pane, live', async () => {
    await toProfilePicker();
    await openQuietSection();
    // A change made elsewhere (as parent mode on a grown-up's PC would) reaches the open pane
    // through the relay's quiet frame to Mia's connection: the card follows without a reload.
    const status = w.page.locator('[data-testid="quiet-status"]');
    const before = await status.textContent();
    must(
      await world.kids.setChildQuiet({
        childId: mia.childId as ChildId,
        schedule: {
          quiet: { ...none, mon: [{ start: '09:08', end: '10:00' }] },
          dailyLimitMinutes: 600,
          trustedGrownUpsReach: false,
        },
      }),
    );
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).not.toBe(before);
    // "N minutes left today": N is what Mia's morning online left of the ten hours.
    await shows(status, w.text('pane.quiet.status.minutesLeft_other', { count: 2 }).replace(/^\d+ /, ''));
    await w.shot('pane');
    expect(w.problems).toEqual([]);
  });

  it('says it all in Spanish too', async () => {
    must(await world.kids.unlock({ password: TEST_PASSWORD }));
    must(await world.kids.updateSettings({ language: 'es' }));
    must(await world.kids.lock());
    await w.page.context().close();
    const { page } = await openWindow(browser, 'es-ES');
    await shiftPageClock(page);
    w = windowFor(page, 'es', 'quiet-es');
    await asMia();
    const childId = mia.childId as ChildId;
    must(await world.kids.unlock({ password: TEST_PASSWORD }));
    // Quiet again in five minutes (10:05 on the relay, after an hour's gap).
    must(
      await world.kids.setChildQuiet({
        childId,
        schedule: {
          quiet: { ...none, mon: [{ start: '10:05', end: '19:00' }] },
          dailyLimitMinutes: 600,
          trustedGrownUpsReach: false,
        },
      }),
    );
    must(await world.kids.lock());
    await shows(w.page.locator('[data-testid="quiet-warning"]'), w.text('quiet.soon_other', { count: 5 }));
    await w.shot('warning');
    await advance(5 * MIN);
    await w.screen('quiet-time');
    await shows(w.page.locator('.quiet-headline'), w.text('quiet.seeYouAt', { time: '19:00' }));
    await w.shot('quiet-screen');
    await toProfilePicker();
    await openQuietSection();
    await w.shot('pane');
    expect(w.problems).toEqual([]);
  });
});
