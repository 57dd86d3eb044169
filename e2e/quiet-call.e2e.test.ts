/**
 * Quiet time in a real call (issue 14): two children's PCs, each with its own Chromium and fake
 * camera, in a PeerJS video call through the real app, against a relay whose clock the test
 * moves. Both families' quiet time starts in under two minutes on the relay's clock: both children
 * see the two-minute warning (Alice in English, Bob in Spanish); at quiet start the call ends
 * gently with kid words on both sides; a re-dial is refused and Bob's PC never rings. Then a
 * message Alice writes as her quiet time begins is held in the outbox and shown on her quiet
 * screen as "waits for morning". The toasts and the quiet screen are saved under
 * artifacts/screens/ in both languages and checked with axe-core.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildId, WeeklyWindows } from '@hearth/common';
import { must, RELAY_PASSWORD, TEST_PASSWORD } from '@hearth/test-kit/desktop';
import { openCallWorld, type CallKid, type CallWorld } from '@hearth/test-kit/call-world';
import { withoutChromium } from '@hearth/test-kit/chromium';
import type { TestRelay } from '@hearth/test-kit/relay';
import { openChat, sendText } from './support/flows';
import { shows } from './support/see';
import { windowFor, type Window } from './support/ui';

const STEP_MS = 180_000;
const MIN = 60_000;
const HOUR = 60 * MIN;
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

/** 09:00:30 on the relay: quiet time from 09:02 starts in 90 seconds. */
let relayNow = nextMondayNineInLondon() + 30_000;

/** Lets the relay look at quiet time now (it also does on timers of its clock). */
function quietTick(r: TestRelay): Promise<void> {
  // The realtime plugin decorates the app; its type lives with the relay's own Fastify types.
  return (r.app() as unknown as { realtime: { quietTick: () => Promise<void> } }).realtime.quietTick();
}

/** As the child's guardian on the child's PC (the pane unlocked, signed in), then locked again. */
async function asGuardian(kid: CallKid, act: () => Promise<void>): Promise<void> {
  must(await kid.api.unlock({ password: TEST_PASSWORD }));
  if (!must(await kid.api.getLockStatus()).parentSignedIn) {
    must(await kid.api.signInParent({ email: kid.parentEmail, password: RELAY_PASSWORD }));
  }
  await act();
  must(await kid.api.lock());
}

async function quietFrom(kid: CallKid, windows: WeeklyWindows): Promise<void> {
  await asGuardian(kid, async () => {
    must(
      await kid.api.setChildQuiet({
        childId: kid.childId as ChildId,
        schedule: { quiet: windows, dailyLimitMinutes: null, trustedGrownUpsReach: false },
      }),
    );
  });
}

async function phase(kid: CallKid): Promise<string> {
  const screen = kid.page.getByTestId('call-screen');
  if ((await screen.count()) === 0) return (await kid.page.getByTestId('call-ring').count()) > 0 ? 'incoming' : 'none';
  return (await screen.getAttribute('data-phase')) ?? 'none';
}

describe.skipIf(withoutChromium())('quiet time in a real call between two children’s PCs', () => {
  let work: string;
  let world: CallWorld;
  let alice: CallKid;
  let bob: CallKid;
  let a: Window;
  let b: Window;
  let relay: TestRelay;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'hearth-quiet-call-e2e-'));
    world = await openCallWorld({
      workDir: work,
      names: ['Alice', 'Bob'],
      page: 'app',
      ringTimeoutMs: 10_000,
      relayNow: () => relayNow,
    });
    [alice, bob] = world.kids as [CallKid, CallKid];
    if (!world.relay) throw new Error('the relay runs in this process');
    relay = world.relay;
    // Both families live in London; Bob's PC speaks Spanish.
    for (const kid of [alice, bob]) {
      await asGuardian(kid, async () => {
        must(await kid.api.setQuietTimeZone({ childId: kid.childId as ChildId, timeZone: 'Europe/London', wholeFamily: true }));
        if (kid === bob) must(await kid.api.updateSettings({ language: 'es' }));
      });
    }
    await bob.page.goto(bob.url);
    await bob.page.locator('[data-screen="kid-home"]').waitFor({ timeout: 20_000 });
    a = windowFor(alice.page, 'en', 'quiet-call-en');
    b = windowFor(bob.page, 'es', 'quiet-call-es');
  }, 300_000);

  afterAll(async () => {
    await world?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it(
    'warns both children two minutes before, ends the call gently at quiet start, and refuses a re-dial',
    async () => {
      // Alice video-calls Bob, and Bob answers.
      const dial = alice.page.getByTestId(`call-video-${bob.childId}`);
      await expect.poll(() => dial.isEnabled(), { timeout: 20_000 }).toBe(true);
      await dial.click();
      await bob.page.getByTestId('call-ring').waitFor({ timeout: 15_000 });
      await bob.page.getByTestId('call-accept').click();
      for (const kid of [alice, bob]) await expect.poll(() => phase(kid), { timeout: 20_000 }).toBe('active');

      // Both families' quiet time: from 09:02, in 90 seconds on the relay's clock.
      for (const kid of [alice, bob]) await quietFrom(kid, { ...none, mon: [{ start: '09:02', end: '10:00' }] });
      for (const w of [a, b]) {
        await shows(w.page.getByTestId('quiet-call-warning'), w.text('quiet.callSoon_other', { count: 2 }));
      }
      // The call goes on through its warning.
      for (const kid of [alice, bob]) expect(await phase(kid)).toBe('active');
      await a.shot('warning');
      await b.shot('warning');

      // Quiet time starts on the relay's clock: the call ends on both sides, with kid words.
      relayNow += 90_000;
      await quietTick(relay);
      for (const [w, kid] of [
        [a, alice],
        [b, bob],
      ] as const) {
        await shows(w.page.getByTestId('quiet-call-ended'), w.text('quiet.callEnded'), { timeout: 20_000 });
        await expect.poll(() => phase(kid), { timeout: 20_000 }).toBe('none');
        // Only the kid words: no plain "call ended" note under them.
        await expect.poll(() => kid.page.getByTestId('call-ended').count(), { timeout: 5_000 }).toBe(0);
        await w.screen('quiet-time');
      }
      await a.shot('ended');
      await b.shot('ended');

      // Alice's family lets her stay up; Bob's quiet time goes on. Alice's re-dial is refused: Bob
      // is not here for her, and his PC never rings.
      await alice.page
        .getByTestId('quiet-call-ended')
        .getByRole('button', { name: a.text('quiet.ok') })
        .click();
      await quietFrom(alice, none);
      await a.screen('kid-home');
      await shows(alice.page.locator('.friend-card', { hasText: 'Bob' }), a.text('presence.offline'));
      await expect.poll(() => dial.isDisabled(), { timeout: 20_000 }).toBe(true);
      await dial.click({ force: true }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(await bob.page.getByTestId('call-ring').count()).toBe(0);
      expect(await phase(bob)).toBe('none');
      await b.screen('quiet-time');
      expect([...a.problems, ...b.problems]).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'holds a message written as quiet time begins, and shows it on the quiet screen as waiting for morning',
    async () => {
      // Alice's quiet time from 09:05, in three minutes; she writes to Bob (his own quiet time holds it for him).
      await quietFrom(alice, { ...none, mon: [{ start: '09:05', end: '10:00' }] });
      await openChat(a, 'Bob');
      // Quiet time starts on the relay's clock before Alice's PC is told: the relay refuses her
      // message, and her PC keeps it in its outbox.
      relayNow += 3 * MIN;
      await sendText(a, 'see you tomorrow');
      await quietTick(relay);
      await a.screen('quiet-time');
      const held = alice.page.getByTestId('held-messages');
      await shows(held, 'see you tomorrow');
      await shows(held, a.text('quiet.waits'));
      await shows(held, a.text('quietHeld.to', { name: 'Bob' }));
      expect(must(await alice.api.listMessages({ contactId: bob.childId, limit: 5 })).messages[0]).toMatchObject({
        direction: 'out',
        state: 'queued',
      });
      await a.shot('held-message');

      // The same in Spanish.
      await asGuardian(alice, async () => {
        must(await alice.api.updateSettings({ language: 'es' }));
      });
      await alice.page.goto(alice.url);
      const aEs = windowFor(alice.page, 'es', 'quiet-call-es-alice');
      await aEs.screen('quiet-time');
      await shows(alice.page.getByTestId('held-messages'), aEs.text('quiet.waits'));
      await shows(alice.page.getByTestId('held-messages'), aEs.text('quietHeld.to', { name: 'Bob' }));
      await aEs.shot('held-message');
      expect([...a.problems, ...aEs.problems]).toEqual([]);
    },
    STEP_MS,
  );
});
