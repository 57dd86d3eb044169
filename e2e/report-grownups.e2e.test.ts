/**
 * Reports for guardians (issue 15, F11) through the pane, in Chromium, on a real relay: Leo (another
 * family's child, a raw client of the relay) and Ada become friends (Ada types his code, both
 * families approve); Leo reports something Ada wrote and his grown-up shares it; then Leo sends
 * Ada a mean message and a picture and Ada reports it from its bubble. Her grown-up opens
 * "Reports", sees the list, opens the report with its messages and picture, forwards it to
 * Hearth's moderators with a note after the plain-words confirmation, and sees what was done (the
 * relay says so too); then reads the report Leo's family shared about Ada. Keyboard only for the
 * actions; each screen is saved under artifacts/screens/ and checked with axe-core.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { AttachmentRef, ChildId, FriendshipView, Invite, ReportDetail, WsServerFrame } from '@hearth/common';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { actHttp, createFamilyHttp, expectHttp, relayHttp, type HttpFamily, type RelayHttp } from '@hearth/test-kit/relay-http';
import { openRelaySocket, type RelaySocket } from '@hearth/test-kit/relay-socket';
import { jpegWithGps } from '@hearth/desktop/main/services/strip-metadata/test-pictures';
import { launchChromium, openWindow } from './support/browser';
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
import { buildRenderer, startPc, stopPc, type Pc } from './support/hosts';
import { countIs, shows, visible } from './support/see';
import { windowFor, type Window } from './support/ui';

const STEP_MS = 180_000;
const tag = Date.now().toString(36);
const parent = testParent('Robin Park', 'robin', tag);
const MEAN = 'You draw like a baby. Nobody likes you.';
const ADAS = 'I took your pencil case, ha!';

let relay: TestRelay;
let h: RelayHttp;
let leo: HttpFamily;
let socket: RelaySocket;
let browser: Browser;
let pc: Pc;
let w: Window;
let work: string;
/** The report Ada made about Leo, and the one Leo's family shared about Ada. */
let report = '';
let shared = '';
const started = createClosers();

/** A session of Ada's grown-up at the relay. */
async function grownUpToken(): Promise<string> {
  const session = expectHttp(
    await h.request<{ token: string }>('POST', '/v1/sessions', { body: { email: parent.email, password: parent.password } }),
    201,
    'sign-in',
  );
  return session.token;
}

/** Ada's id, as the relay has it (the grown-up's own session). */
async function childIdOf(name: string): Promise<ChildId> {
  const list = expectHttp(
    await h.request<{ children: { childId: ChildId; displayName: string }[] }>('GET', '/v1/children', {
      token: await grownUpToken(),
    }),
    200,
    'children',
  );
  const child = list.children.find((c) => c.displayName === name);
  if (!child) throw new Error(`no child ${name}`);
  return child.childId;
}

/** Leo (the raw client) sends Ada a message; resolves when the relay stored it. */
async function leoSends(to: string, content: unknown): Promise<string> {
  const id = ulid();
  socket.send({ type: 'send', id, to, content } as never);
  await socket.take((f: WsServerFrame) => f.type === 'sent' && f.id === id, 10_000);
  return id;
}

describe.skipIf(withoutChromium())('a guardian reads and forwards their child’s report, through the pane', () => {
  beforeAll(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-reports-'));
    started.add(work, () => fs.rm(work, { recursive: true, force: true }));
    const rendererDir = await buildRenderer(work);
    relay = started.add(await startTestRelay(), () => relay.dispose());
    h = relayHttp(relay.url);
    leo = await createFamilyHttp(h, 'Leo');
    const dataDir = path.join(work, 'family');
    await fs.mkdir(dataDir, { recursive: true });
    pc = await startPc({ name: 'family', dataDir, app: null, url: '' }, relay, rendererDir);
    started.add(pc, () => stopPc(pc));
    browser = started.add(await launchChromium(), () => browser.close());
  }, STEP_MS);
  afterAll(() => started.closeAll());

  it(
    'Ada and Leo become friends; Leo’s family shares a report about Ada; Ada reports Leo’s mean message',
    async () => {
      const opened = await openWindow(browser, 'en-US');
      w = windowFor(opened.page, 'en', 'reports');
      await familyFirstRun(w, pc.url, parent, { name: 'Ada', avatar: 'owl' }, false);
      const ada = await childIdOf('Ada');

      // Ada types Leo's code; Leo says yes; both families approve (Ada's in the pane).
      const invite = expectHttp(
        await h.request<Invite>('POST', '/v1/invites', { token: leo.childToken, body: {} }),
        201,
        'invite',
      );
      await pickProfile(w, 'Ada');
      await w.page.locator('.add-friend-tile').click();
      await w.choice('addFriend.typeTheirs').click();
      await w.page.getByLabel(w.text('addFriend.typeLabel')).fill(invite.code.toLowerCase());
      await w.button('addFriend.send').click();
      await w.screen('add-friend-waiting');
      const friendships = expectHttp(
        await h.request<{ friendships: FriendshipView[] }>('GET', '/v1/friendships', { token: leo.childToken }),
        200,
        'friendships',
      );
      const friendshipId = friendships.friendships.find((f) => f.friend.accountId === ada)?.friendshipId ?? '';
      expectHttp(await actHttp(h, leo.childToken, friendshipId, 'confirm'), 200, 'confirm');
      expectHttp(await actHttp(h, leo.parent.token, friendshipId, 'approve'), 200, 'approve');
      await backHome(w);
      await leaveProfile(w);
      await openPane(w, parent, false);
      const ask = w.page.locator('.request-item', { hasText: 'Leo' });
      await ask.getByRole('button', { name: w.text('pane.requests.approve') }).click();
      await shows(ask, w.text('pane.requests.stage.active'));
      await closePane(w);
      await pickProfile(w, 'Ada');
      await visible(w.page.locator('.friend-open', { hasText: 'Leo' }));
      socket = await openRelaySocket(relay.url, leo.childToken);
      started.add(socket, () => socket.close());

      // Ada writes; Leo reports it (his PC's submission, through the relay's own route), then his
      // grown-up shares it with Ada's family and lifts the block.
      await openChat(w, 'Leo');
      await sendText(w, ADAS);
      const got = await socket.take<Extract<WsServerFrame, { type: 'message' }>>(
        (f) => f.type === 'message' && f.message.from === ada,
        20_000,
      );
      shared = ulid();
      const m = got.message;
      expectHttp(
        await h.request('POST', '/v1/reports', {
          token: leo.childToken,
          body: {
            reportId: shared,
            about: ada,
            reason: 'something-else',
            place: 'message',
            itemId: m.id,
            messages: [
              { id: m.id, from: m.from, to: m.to, sentAt: m.sentAt, raw: JSON.stringify(got), shown: JSON.stringify(m.content) },
            ],
            calls: [],
            files: [],
            madeAt: Date.now(),
          },
        }),
        201,
        'Leo’s report',
      );
      expect((await h.request('POST', `/v1/reports/${shared}/share`, { token: leo.parent.token })).status).toBe(204);
      expect((await h.request('POST', `/v1/reports/${shared}/unblock`, { token: leo.parent.token })).status).toBe(204);

      // Leo's mean message and a picture; Ada reports the message from its bubble.
      await leoSends(ada, { kind: 'text', text: MEAN });
      const picture = expectHttp(
        await h.request<AttachmentRef>('POST', '/v1/attachments', {
          token: leo.childToken,
          raw: jpegWithGps(),
          contentType: 'image/jpeg',
        }),
        201,
        'upload',
      );
      await leoSends(ada, { kind: 'photo', attachment: picture });
      await bubbleWith(w, MEAN).waitFor({ timeout: 20_000 });
      await w.page.locator('.bubble img[data-testid="photo"]').waitFor({ timeout: 30_000 });
      const bubble = bubbleWith(w, MEAN);
      await bubble.getByTestId('report-button').click();
      const dialog = w.page.getByTestId('report-dialog');
      await dialog.locator('[data-reason="mean-words"]').click();
      await dialog.getByTestId('report-send').click();
      await shows(w.page.getByTestId('report-calm'), w.text('report.calm'));
      await w.page.getByTestId('report-ok').click();
      await w.screen('kid-home');
      await countIs(w.page.locator('.friend-open', { hasText: 'Leo' }), 0);
      await leaveProfile(w);
      expect(w.problems).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'lists the report, shows its evidence, and forwards it after a confirmation',
    async () => {
      await openPane(w, parent, false);
      await w.page.getByRole('button', { name: w.text('pane.reports.nav') }).click();
      const row = w.page.locator('[data-report]', { hasText: w.text('pane.reports.row', { child: 'Ada', about: 'Leo' }) });
      await visible(row, { timeout: 30_000 });
      report = (await row.getAttribute('data-report')) ?? '';
      expect(report).toMatch(/^[0-9A-Z]{26}$/);
      await w.shot('list');

      await w.button('pane.reports.open', { about: 'Leo' }).click();
      const detail = w.page.locator('article.report-detail');
      await shows(detail, MEAN);
      await visible(detail.getByRole('img', { name: w.text('pane.reports.picture') }));
      await shows(detail, w.text('pane.reports.state.blocked', { about: 'Leo', child: 'Ada' }));
      await w.shot('detail');

      const stateAtRelay = async (): Promise<ReportDetail['summary']['state']> =>
        expectHttp(await h.request<ReportDetail>('GET', `/v1/reports/${report}`, { token: await grownUpToken() }), 200, 'report')
          .summary.state;
      // Keyboard only: the confirmation takes the focus; the note, then "Yes".
      await w.button('pane.reports.actions.forward').focus();
      await w.page.keyboard.press('Enter');
      const confirm = w.page.getByRole('group', {
        name: w.text('pane.reports.actions.forwardConfirm', { about: 'Leo', child: 'Ada' }),
      });
      await visible(confirm);
      expect((await stateAtRelay()).forwardedAt).toBeNull();
      await w.page.keyboard.press('Tab');
      await w.page.keyboard.type('Leo said this at school too.');
      await w.shot('forward-confirm');
      await w.page.keyboard.press('Tab');
      await w.page.keyboard.press('Enter');
      await shows(detail.locator('.report-state'), 'Sent to Hearth’s moderators');
      expect(await stateAtRelay()).toMatchObject({ forwardedAt: expect.any(Number), sharedAt: null, unblockedAt: null });
      await w.shot('forwarded');
      expect(w.problems).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'shows a report another family shared about Ada, with the reporting child’s first name only and no reply; “More” leads to the reports',
    async () => {
      await w.button('pane.reports.back').click();
      // From "More", the way to the reports (no longer "Coming soon").
      await w.page.getByRole('button', { name: w.text('pane.nav.later') }).click();
      await w.button('pane.reports.more').click();
      const row = w.page.locator(`[data-shared-report="${shared}"]`);
      await shows(row, w.text('pane.reports.shared.row', { child: 'Ada' }));
      await w.button('pane.reports.shared.open', { child: 'Ada' }).click();
      const detail = w.page.locator(`article[data-shared-report="${shared}"]`);
      await shows(detail, ADAS);
      await shows(detail, w.text('pane.reports.shared.noReply', { child: 'Ada' }));
      await shows(detail, 'Leo');
      // No choices on a shared report: only the way back.
      expect(await detail.getByRole('button').allInnerTexts()).toEqual([expect.stringContaining(w.text('pane.reports.back'))]);
      await w.shot('shared');
      expect(w.problems).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'a paused Ada sees calm kid words at home and in a chat, and can still write to her own grown-up',
    async () => {
      const ada = await childIdOf('Ada');
      await closePane(w);
      await pickProfile(w, 'Ada');
      // The relay's `suspension` frame as main tells it to the screens (the frame's handling is
      // tested in desktop/src/main/relay/suspension.test.ts; a real suspension end to end: safety.e2e.test.ts).
      const banner = w.page.getByTestId('suspension-banner');
      // Told again until the page hears it (its event stream may still be subscribing). Main's
      // tracker, which a new screen asks first, is set by the frame only, so each screen is told.
      const paused = (): Promise<void> =>
        expect
          .poll(async () => {
            pc.app?.core.events.emitForChild(ada, 'suspension', { suspended: true, category: 'bullying' });
            return banner.count();
          })
          .toBe(1);
      await paused();
      await shows(banner, w.text('kidSuspension.notice'));
      await w.shot('kid-paused-home');
      await openChat(w, parent.name);
      await paused();
      await shows(banner, w.text('kidSuspension.notice'));
      // Her guardian is still reachable: the composer is there, not the paused line.
      await countIs(w.page.getByTestId('composer-paused'), 0);
      await visible(w.page.locator('form.composer, .composer').first());
      await w.shot('kid-paused-chat-grown-up');
      pc.app?.core.events.emitForChild(ada, 'suspension', { suspended: false, category: null });
      await countIs(banner, 0);
      await backHome(w);
      expect(w.problems).toEqual([]);
    },
    STEP_MS,
  );
});
