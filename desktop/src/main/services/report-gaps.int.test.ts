/**
 * "Something's wrong" (issue 15 §1, F11), the child's PC against a real relay with its real report
 * routes, through the IPC contract: a report made while the relay is down is kept (the friend hidden
 * at once) and goes when the relay is back, by the reconnect alone (the PC's own retry is set far
 * off); a report on a call names the call-log entry the call was logged under, and that entry
 * is in the report; a report on a game names the match and carries its newest move; a report
 * about a guardian never hides the guardian, before or after the relay's answer.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_VERSION,
  makeMove,
  openMatch,
  type FriendshipView,
  type Invite,
  type MatchLog,
  type ReportDetail,
  type WsServerFrame,
} from '@hearth/common';
import { must, setUpFamily, startTestDesktop, type TestDesktop } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { actHttp, createFamilyHttp, expectHttp, relayHttp, type HttpFamily, type RelayHttp } from '@hearth/test-kit/relay-http';
import { openRelaySocket, type RelaySocket } from '@hearth/test-kit/relay-socket';
import { getMessage } from '../db/child/queries/messages';
import { pendingReports } from '../db/child/queries/reports';

let relay: TestRelay;
let h: RelayHttp;
let leo: HttpFamily;
let socket: RelaySocket;
let mia: TestDesktop;
let miaId: string;
let guardianId: string;
const started = createClosers();

const leoId = (): string => leo.child.childId;
const friendIds = async (): Promise<string[]> =>
  must(await mia.api.listFriends()).friends.map((f) => f.friendship.friend.accountId);
const pending = (): number => pendingReports(mia.core.stores.get(miaId).db).length;

/** Leo (a raw client) sends Mia a message; resolves when the relay stored it and Mia's PC has it. */
async function leoSends(content: unknown): Promise<string> {
  const id = ulid();
  socket.send({ type: 'send', id, to: miaId, content } as never);
  await socket.take((f: WsServerFrame) => f.type === 'sent' && f.id === id, 10_000);
  // Game moves are kept in Mia's store but are no chat bubbles (the games screen draws them).
  await waitFor(async () => getMessage(mia.core.stores.get(miaId).db, id) !== undefined, 15_000, 'the message at Mia');
  return id;
}

/** The report Mia's guardian reads in the pane, found by its place (the relay's answer). */
async function reportAt(place: string): Promise<ReportDetail> {
  const list = must(await mia.api.listChildReports({})).reports;
  const summary = list.find((r) => r.place === place);
  if (!summary) throw new Error(`no report made at ${place}: ${JSON.stringify(list)}`);
  return must(await mia.api.getChildReport({ reportId: summary.reportId }));
}

async function befriendLeo(): Promise<void> {
  leo = await createFamilyHttp(h);
  const invite = expectHttp(await h.request<Invite>('POST', '/v1/invites', { token: leo.childToken, body: {} }), 201, 'invite');
  const request = must(await mia.api.redeemInvite({ code: invite.code }));
  expectHttp(await actHttp(h, leo.childToken, request.friendshipId, 'confirm'), 200, 'confirm');
  expectHttp(await actHttp(h, leo.parent.token, request.friendshipId, 'approve'), 200, 'approve');
  const view = must(await mia.api.actOnFriendshipAsParent({ friendshipId: request.friendshipId, action: 'approve' }));
  expect((view as FriendshipView).status).toBe('active');
  await waitFor(async () => (await friendIds()).includes(leoId()), 10_000, 'Leo among Mia’s friends');
  await socket?.close();
  socket = await openRelaySocket(relay.url, leo.childToken);
}

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  h = relayHttp(relay.url);
  // The PC's own retry is 10 minutes away: only the relay coming back sends a waiting report here.
  mia = await startTestDesktop(relay.url, { appVersion: APP_VERSION, reports: { retryMs: 600_000 } });
  started.add(mia, () => mia.close());
  miaId = (await setUpFamily(mia.api, 'Mia')).childId;
  must(await mia.api.selectProfile({ childId: miaId }));
  const g = must(await mia.api.listFriends()).friends.find((f) => f.friendship.friend.familyRole === 'guardian');
  if (!g) throw new Error('no guardian among Mia’s contacts');
  guardianId = g.friendship.friend.accountId;
  await befriendLeo();
}, 60_000);
afterAll(async () => {
  await socket?.close();
  await started.closeAll();
});

describe('a report from the child’s PC, against the real relay', () => {
  it('while the relay is down: the same answer, the friend hidden at once, and it goes when the relay is back', async () => {
    const mean = await leoSends({ kind: 'text', text: 'nobody wants you here' });
    await socket.close();
    await relay.stop();
    expect(must(await mia.api.reportSomething({ about: leoId(), reason: 'mean-words', place: 'message', itemId: mean }))).toEqual(
      { done: true },
    );
    expect(await friendIds()).not.toContain(leoId());
    expect(pending()).toBe(1);

    await relay.start();
    await waitFor(() => pending() === 0, 20_000, 'the report sent once the relay is back');
    const report = await reportAt('message');
    expect(report.itemId).toBe(mean);
    expect(report.summary.reason).toBe('mean-words');
    expect(report.messages.map((m) => m.id)).toContain(mean);
    // Afterwards the relay's block decides: Leo is no active friend of Mia's any more.
    const after = must(await mia.api.listFriends()).friends.find((f) => f.friendship.friend.accountId === leoId());
    expect(after?.friendship.status ?? 'gone').not.toBe('active');
  });

  it('on a call’s end screen: the report names the call-log entry, and that entry is in the report', async () => {
    await befriendLeo();
    const callId = ulid();
    // One reading of the clock: two could be a millisecond apart, and the duration is checked exactly.
    const now = Date.now();
    const logged = must(
      await mia.api.recordCall({
        callId,
        contactId: leoId(),
        direction: 'in',
        video: true,
        startedAt: now - 90_000,
        endedAt: now - 30_000,
        outcome: 'answered',
      }),
    );
    expect(logged.callId).toBe(callId);
    expect(must(await mia.api.listCalls({ contactId: leoId() })).calls.map((c) => c.callId)).toContain(callId);
    // The same call cannot be logged twice.
    const again = await mia.api.recordCall({
      callId,
      contactId: leoId(),
      direction: 'in',
      video: true,
      startedAt: 1,
      endedAt: null,
      outcome: 'missed',
    });
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');

    must(await mia.api.reportSomething({ about: leoId(), reason: 'scary-picture', place: 'call-end', itemId: callId }));
    await waitFor(() => pending() === 0, 20_000, 'the call report sent');
    const report = await reportAt('call-end');
    expect(report.itemId).toBe(callId);
    expect(report.calls).toContainEqual(expect.objectContaining({ callId, direction: 'incoming', durationMs: 60_000 }));
  });

  it('on a game: the report names the match and carries its newest move, however many messages came after', async () => {
    await befriendLeo();
    const match = ulid();
    const played = (log: MatchLog, cell: number, by: string): MatchLog & { envelope: unknown } => {
      const r = makeMove(log, { cell }, by);
      if (!r.ok) throw new Error(r.reason);
      return { ...r.log, envelope: r.envelope };
    };
    const first = played(openMatch('noughts-and-crosses', match, null, [leoId(), miaId]), 0, leoId());
    await leoSends({ kind: 'game-move', moves: [first.envelope] });
    await waitFor(
      async () => must(await mia.api.listMatches({})).matches.some((m) => m.matchId === match),
      10_000,
      'the match at Mia',
    );
    must(await mia.api.playMove({ matchId: match, move: { cell: 4 } }));
    const third = played(played(first, 4, miaId), 1, leoId());
    const move = await leoSends({ kind: 'game-move', moves: [third.envelope] });
    // More than a report's 20 messages after it: the move would fall out of "the last 20".
    for (let i = 0; i < 21; i++) await leoSends({ kind: 'text', text: `ha ${i}` });

    must(await mia.api.reportSomething({ about: leoId(), reason: 'mean-words', place: 'game', itemId: match }));
    await waitFor(() => pending() === 0, 20_000, 'the game report sent');
    const report = await reportAt('game');
    expect(report.itemId).toBe(match);
    expect(report.messages.map((m) => m.id)).toContain(move);
  });

  it('about a guardian: the guardian stays in the child’s list before and after the relay answers', async () => {
    await relay.stop();
    must(await mia.api.reportSomething({ about: guardianId, reason: 'something-else', place: 'friend', itemId: null }));
    expect(pending()).toBe(1);
    // Not yet accepted (the relay is down): still there.
    expect(await friendIds()).toContain(guardianId);
    await relay.start();
    await waitFor(() => pending() === 0, 20_000, 'the report about the guardian sent');
    expect(await friendIds()).toContain(guardianId);
  });
});
