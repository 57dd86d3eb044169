/**
 * Safety end to end (issue 15): two families, two PCs, one real relay, in Chromium through the UI.
 * Leo sends Mia a mean message; Mia presses "Something's wrong" on it and picks "mean words"; Leo
 * is blocked at once (gone from Mia's list, nothing different on Leo's side). Mia's guardian
 * unlocks the pane, sees the report with the evidence and forwards it. A moderator made with
 * `npm run relay:admin -- create-moderator` (its own process, on the relay's data folder, as an
 * operator runs it) lists it, reads it (each message "confirmed by the relay") and suspends Leo
 * (bullying); Leo's PC says in kid words that he can't send, the composer gone; `audit` lists each
 * action. Every screen is saved under artifacts/screens/ and checked with axe-core.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEFAULT_CONFIG } from '@hearth/relay-server/config';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import { openWindow } from './support/browser';
import {
  backHome,
  bubbleWith,
  closePane,
  familyFirstRun,
  leaveProfile,
  openChat,
  openPane,
  pickProfile,
  sendText,
  testParent,
} from './support/flows';
import { startWorld, type Pc, type World } from './support/hosts';
import { storyHooks } from './support/story';
import { attr, countIs, shows, visible } from './support/see';
import { windowFor, type Window } from './support/ui';

const STEP_MS = 180_000;
const REPO_ROOT = path.resolve(import.meta.dirname, '..');
const tag = Date.now().toString(36);
const alex = testParent('Alex Rivera', 'alex', tag);
const sam = testParent('Sam Lee', 'sam', tag);
const MEAN = 'You are so dumb. Nobody wants you here.';
const MOD_EMAIL = `mod-${tag}@example.test`;
const MOD_PASSWORD = 'a long moderator password';
/** The relay re-reads its data each sweep: a change made by the CLI (another process) is seen within it. */
const SWEEP_MS = 1_000;

let world: World;
let browser: Browser;
const started = createClosers();
let pcA: Pc;
let pcB: Pc;
let a: Window;
let b: Window;
let reportId = '';
let leoId = '';
let moderatorId = '';

type Out = Readonly<{ code: number; stdout: string; stderr: string }>;

/** `npm run relay:admin -- …` as its own process on the relay's data folder, the moderator's password in its environment. */
function admin(...args: string[]): Promise<Out> {
  const dataDir = world.relay.dataDir;
  if (!dataDir) throw new Error('the single relay has a data folder');
  return new Promise<Out>((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'relay:admin', '--', ...args, '--data-dir', dataDir], {
      cwd: REPO_ROOT,
      env: { ...process.env, HEARTH_MODERATOR_PASSWORD: MOD_PASSWORD },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
const asModerator = (...args: string[]): Promise<Out> => admin(...args, '--moderator', MOD_EMAIL);

async function window(pc: Pc, name: string): Promise<Window> {
  const opened = await openWindow(browser, 'en-US');
  await opened.page.goto(pc.url);
  return windowFor(opened.page, 'en', name);
}

const friendCard = (w: Window, name: string) => w.page.locator('.friend-open', { hasText: name });

describe.skipIf(withoutChromium())('a child reports a mean message; her grown-up forwards it; a moderator suspends', () => {
  storyHooks({
    started,
    start: () => startWorld({ relayConfig: { messaging: { ...DEFAULT_CONFIG.messaging, sweepIntervalMs: SWEEP_MS } } }),
    timeoutMs: STEP_MS,
    failedPrefix: 'safety',
    fullPage: true,
    use: async (w, br) => {
      world = w;
      browser = br;
      pcA = await world.newPc('safety-mia');
      pcB = await world.newPc('safety-leo');
    },
  });

  it(
    'sets up two families whose children are friends',
    async () => {
      a = await window(pcA, 'safety-mia');
      b = await window(pcB, 'safety-leo');
      await familyFirstRun(a, pcA.url, alex, { name: 'Mia', avatar: 'fox' }, false);
      await familyFirstRun(b, pcB.url, sam, { name: 'Leo', avatar: 'frog' }, false);

      await pickProfile(a, 'Mia');
      await a.page.locator('.add-friend-tile').click();
      await a.choice('addFriend.showMine').click();
      const code = (await a.page.getByTestId('invite-code').textContent({ timeout: 15_000 })) ?? '';
      await a.button('addFriend.done').click();
      await a.screen('kid-home');

      await pickProfile(b, 'Leo');
      await b.page.locator('.add-friend-tile').click();
      await b.choice('addFriend.typeTheirs').click();
      await b.page.getByLabel(b.text('addFriend.typeLabel')).fill(code.toLowerCase());
      await b.button('addFriend.send').click();
      await b.screen('add-friend-waiting');

      const request = a.page.locator('.request-card', { hasText: 'Leo' });
      await request.getByRole('button', { name: a.text('home.yes') }).click();
      await shows(request, a.text('home.waitingForGrownUps', { name: 'Leo' }));
      await leaveProfile(a);
      await openPane(a, alex, false);
      const ask = a.page.locator('.request-item', { hasText: 'Leo' });
      await ask.getByRole('button', { name: a.text('pane.requests.approve') }).click();
      await shows(ask, a.text('pane.requests.stage.other-family', { friend: 'Leo' }));
      await closePane(a);

      await backHome(b);
      await leaveProfile(b);
      await openPane(b, sam, false);
      const askB = b.page.locator('.request-item', { hasText: 'Mia' });
      await askB.getByRole('button', { name: b.text('pane.requests.approve') }).click();
      await shows(askB, b.text('pane.requests.stage.active'));
      await closePane(b);

      await pickProfile(a, 'Mia');
      await visible(friendCard(a, 'Leo'));
      await pickProfile(b, 'Leo');
      await visible(friendCard(b, 'Mia'));
    },
    STEP_MS,
  );

  it(
    'Mia reports Leo’s mean message: “mean words”, calm words, Leo gone at once; Leo sees nothing different',
    async () => {
      await openChat(b, 'Mia');
      await sendText(b, 'Hi Mia');
      await sendText(b, MEAN);

      await openChat(a, 'Leo');
      const bubble = bubbleWith(a, MEAN);
      await bubble.waitFor({ timeout: 20_000 });
      // Mia answers first: her own message goes in the report too, confirmed by the relay like Leo's.
      await sendText(a, 'Stop it, Leo.');
      await attr(bubbleWith(a, 'Stop it, Leo.'), 'data-state', /sent|delivered/, { timeout: 20_000 });
      await a.shot('chat-mean');
      await bubble.getByTestId('report-button').click();
      const dialog = a.page.getByTestId('report-dialog');
      await shows(dialog, a.text('report.title'));
      await dialog.locator('[data-reason="mean-words"]').click();
      expect(await dialog.locator('[data-reason="mean-words"]').getAttribute('aria-pressed')).toBe('true');
      await a.shot('report-picker');
      await dialog.getByTestId('report-send').click();
      await shows(a.page.getByTestId('report-calm'), a.text('report.calm'));
      await a.shot('report-calm');
      await a.page.getByTestId('report-ok').click();
      await a.screen('kid-home');
      await countIs(friendCard(a, 'Leo'), 0);
      await a.shot('home-after-report');

      // Leo's side: Mia is still his friend, his chat still open to write in; nothing says he was blocked.
      await visible(b.page.getByLabel(b.text('chat.writeLabel')));
      await countIs(b.page.getByTestId('composer-paused'), 0);
      await sendText(b, 'Why are you not answering?');
      await backHome(b);
      await visible(friendCard(b, 'Mia'));
      await countIs(b.page.getByTestId('suspension-banner'), 0);
      await b.shot('leo-home-after-report');
      expect([...a.problems, ...b.problems]).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'Mia’s guardian sees the report with its evidence in the pane and forwards it to the moderators',
    async () => {
      await leaveProfile(a);
      await openPane(a, alex, false);
      await a.page.getByRole('button', { name: a.text('pane.reports.nav') }).click();
      const row = a.page.locator('[data-report]', { hasText: a.text('pane.reports.row', { child: 'Mia', about: 'Leo' }) });
      await visible(row, { timeout: 30_000 });
      reportId = (await row.getAttribute('data-report')) ?? '';
      expect(reportId).toMatch(/^[0-9A-Z]{26}$/);
      await a.shot('pane-reports');
      await a.button('pane.reports.open', { about: 'Leo' }).click();
      const detail = a.page.locator('article.report-detail');
      await shows(detail, MEAN);
      await shows(detail, 'Hi Mia');
      await shows(detail, 'Stop it, Leo.');
      await shows(detail, a.text('pane.reports.state.blocked', { about: 'Leo', child: 'Mia' }));
      await a.shot('pane-report-detail');

      await a.button('pane.reports.actions.forward').click();
      await visible(
        a.page.getByRole('group', { name: a.text('pane.reports.actions.forwardConfirm', { about: 'Leo', child: 'Mia' }) }),
      );
      await a.field('pane.reports.actions.forwardNote').fill('Leo says this every day.');
      await a.shot('pane-forward-confirm');
      await a.button('pane.reports.actions.forwardYes').click();
      await shows(detail.locator('.report-state'), 'Sent to Hearth’s moderators');
      await a.shot('pane-forwarded');
      await closePane(a);
      expect(a.problems).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'a moderator made with relay:admin lists and reads it (every message confirmed by the relay) and suspends Leo',
    async () => {
      const made = await admin('create-moderator', '--email', MOD_EMAIL, '--name', 'Mo');
      expect(made.code, made.stderr).toBe(0);
      moderatorId = new RegExp(`Moderator ${MOD_EMAIL} \\(([0-9A-Z]{26})\\) created`).exec(made.stdout)?.[1] ?? '';
      expect(moderatorId, made.stdout).not.toBe('');

      const list = await asModerator('reports');
      expect(list.code, list.stderr).toBe(0);
      const line = list.stdout.split('\n').find((l) => l.startsWith(reportId));
      expect(line, list.stdout).toBeDefined();
      expect(line).toContain('mean-words');
      expect(line).toContain('(Leo)');
      leoId = /about child ([0-9A-Z]{26})/.exec(line ?? '')?.[1] ?? '';
      expect(leoId).toMatch(/^[0-9A-Z]{26}$/);

      const read = await asModerator('report', '--id', reportId);
      expect(read.code, read.stderr).toBe(0);
      expect(read.stdout).toContain(`about child Leo (${leoId})`);
      expect(read.stdout).toContain("guardian's note: Leo says this every day.");
      expect(read.stdout).toContain(MEAN);
      const count = Number(/Messages \((\d+)\):/.exec(read.stdout)?.[1] ?? 0);
      const verdicts = read.stdout.split('\n').filter((l) => /^ {2}[0-9A-Z]{26} {2}/.test(l));
      expect(count).toBe(3);
      expect(read.stdout).toContain('Stop it, Leo.');
      expect(verdicts).toHaveLength(count);
      for (const v of verdicts) expect(v).toContain('[confirmed by the relay]');

      const suspended = await asModerator(
        'suspend',
        '--account',
        leoId,
        '--category',
        'bullying',
        '--reason',
        'mean words to Mia',
      );
      expect(suspended.code, suspended.stderr).toBe(0);
      expect(suspended.stdout).toContain(`Child ${leoId} suspended (bullying)`);
    },
    STEP_MS,
  );

  it(
    'Leo’s PC says in kid words that he is paused, and his chat with Mia has no composer',
    async () => {
      // The running relay sees the CLI's change at its next sweep and tells Leo's PC: wait for the screen.
      const banner = b.page.getByTestId('suspension-banner');
      await shows(banner, b.text('kidSuspension.notice'), { timeout: 30_000 });
      await b.shot('leo-paused-home');
      await openChat(b, 'Mia');
      await shows(b.page.getByTestId('composer-paused'), b.text('kidSuspension.notice'));
      await countIs(b.page.getByLabel(b.text('chat.writeLabel')), 0);
      await b.shot('leo-paused-chat');
      expect(b.problems).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'the audit log lists each action of the moderator',
    async () => {
      const log = await asModerator('audit');
      expect(log.code, log.stderr).toBe(0);
      // Oldest first, each with who did it: reading the report, then the suspension with its category and reason.
      const lines = log.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/).slice(1).join(' '));
      expect(lines).toEqual([
        `${moderatorId} create-moderator moderator ${moderatorId}`,
        `${moderatorId} read-report report ${reportId}`,
        `${moderatorId} suspend account ${leoId} bullying: mean words to Mia`,
      ]);
    },
    STEP_MS,
  );
});
