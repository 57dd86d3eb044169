/**
 * Games with a friend (issue 16, F9) through main's IPC channels, between two children's PCs and a
 * real relay (in-process, SQLite files): a chat game to a result, forged envelopes refused with a log
 * line and an unchanged board, a restart of one PC's main, memory's commit–reveal and its abandon,
 * scores from the logs, and a call's moves with their batched copies to the relay.
 */
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION, commit, type GameType, type HearthApi, type MatchView } from '@hearth/common';
import { prepared } from '@hearth/sqlite';
import { befriend, must, setUpFamily, startTestDesktop, type TestDesktop } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { waitFor } from '@hearth/test-kit/ports';
import { newMessageId, openRelaySocket } from '@hearth/test-kit/relay-socket';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { requireProfile } from '../db/family/queries/profiles';
import { capturingLogger, manualTimers } from './games-test-kit';

let relay: TestRelay;
const started = createClosers();
const logsA = capturingLogger();
const logsB = capturingLogger();
const timersA = manualTimers();
const timersB = manualTimers();
let pcA: TestDesktop;
let pcB: TestDesktop;
let mia: Awaited<ReturnType<typeof setUpFamily>>;
let leo: Awaited<ReturnType<typeof setUpFamily>>;

const startPc = (logger: typeof logsA, timers: typeof timersA, dataDir?: string): Promise<TestDesktop> =>
  startTestDesktop(relay.url, {
    appVersion: APP_VERSION,
    logger: logger.logger,
    schedule: timers.schedule,
    ...(dataDir ? { dataDir } : {}),
  });

const matchOn = async (api: HearthApi, matchId: string): Promise<MatchView | undefined> =>
  must(await api.listMatches({})).matches.find((m) => m.matchId === matchId);
/** The contract's game type reads as `never` in TypeScript (a union built by `map`); the values are right. */
const gameType = (g: GameType): never => g as never;
const waitMoves = async (api: HearthApi, matchId: string, n: number, what: string): Promise<void> => {
  await waitFor(async () => (await matchOn(api, matchId))?.moves === n, 10_000, what);
};
const refusals = (lines: Record<string, unknown>[], matchId: string): Record<string, unknown>[] =>
  lines.filter((l) => l['matchId'] === matchId && String(l['msg']).startsWith('refused a game move'));
/** The game-move messages a PC sent for one match (kept out of the chat list). */
const gameMessages = (pc: TestDesktop, childId: string, matchId: string): { id: string; state: string; n: number }[] =>
  prepared(
    pc.core.stores.get(childId).db,
    `SELECT id, state, json_array_length(body_json, '$.moves') AS n FROM messages
       WHERE direction = 'out' AND json_extract(body_json, '$.kind') = 'game-move' AND json_extract(body_json, '$.moves[0].matchId') = ? ORDER BY id`,
  ).all(matchId) as { id: string; state: string; n: number }[];

/** The files of an export's ZIP. */
function readZip(file: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, string>();
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString());
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  pcA = await startPc(logsA, timersA);
  started.add(pcA, () => pcA.close());
  pcB = await startPc(logsB, timersB);
  started.add(pcB, () => pcB.close());
  mia = await setUpFamily(pcA.api, 'Mia');
  leo = await setUpFamily(pcB.api, 'Leo');
  await befriend(pcA.api, mia.childId, pcB.api, leo.childId);
}, 60_000);

afterAll(() => started.closeAll());

describe('games in chat', () => {
  let matchId = '';

  it('plays noughts and crosses through the relay to a win, derives scores and keeps moves out of the chat', async () => {
    const opened = must(await pcA.api.startMatch({ contactId: leo.childId, game: gameType('noughts-and-crosses') }));
    matchId = opened.matchId;
    expect(opened).toMatchObject({ turn: 'me', moves: 0, players: [mia.childId, leo.childId], result: { kind: 'playing' } });
    const plays: [TestDesktop, TestDesktop, number][] = [
      [pcA, pcB, 0],
      [pcB, pcA, 3],
      [pcA, pcB, 1],
      [pcB, pcA, 4],
      [pcA, pcB, 2],
    ];
    for (const [i, [me, them, cell]] of plays.entries()) {
      const r = must(await me.api.playMove({ matchId, move: { cell } }));
      expect(r.ok).toBe(true);
      await waitMoves(them.api, matchId, i + 1, `move ${i + 1} on the other PC`);
      if (i < plays.length - 1) expect((await matchOn(them.api, matchId))?.turn).toBe('me');
    }
    // A move out of turn is refused by the rules: nothing stored, nothing sent.
    expect(must(await pcB.api.playMove({ matchId, move: { cell: 8 } }))).toEqual({ ok: false, reason: 'game-over' });
    const onA = await matchOn(pcA.api, matchId);
    const onB = await matchOn(pcB.api, matchId);
    expect(onA?.result).toEqual({ kind: 'won', winner: mia.childId });
    expect(onB?.result).toEqual({ kind: 'won', winner: mia.childId });
    expect(onB?.state).toEqual(onA?.state);
    expect(pcB.events.some((e) => e.event === 'gameChanged' && e.payload.matchId === matchId)).toBe(true);
    expect(must(await pcA.api.getGameScores({}))).toEqual({
      scores: [{ contactId: leo.childId, game: 'noughts-and-crosses', played: 1, won: 1, drawn: 0 }],
    });
    expect(must(await pcB.api.getGameScores({ contactId: mia.childId })).scores).toEqual([
      { contactId: mia.childId, game: 'noughts-and-crosses', played: 1, won: 0, drawn: 0 },
    ]);
    // Not chat bubbles, but delivered like messages (the relay's acks still move their states).
    expect(must(await pcA.api.listMessages({ contactId: leo.childId, limit: 50 })).messages).toEqual([]);
    expect(must(await pcB.api.listMessages({ contactId: mia.childId, limit: 50 })).messages).toEqual([]);
    await waitFor(
      () => gameMessages(pcA, mia.childId, matchId).every((m) => m.state === 'delivered'),
      10_000,
      'the moves delivered',
    );
    expect(gameMessages(pcA, mia.childId, matchId)).toHaveLength(3);
    // Games never go as chat messages.
    const asText = {
      kind: 'game-move' as const,
      moves: [{ game: 'noughts-and-crosses' as const, matchId, version: 6, move: { cell: 5 }, stateHash: '0'.repeat(64) }],
    };
    expect(await pcA.api.sendMessage({ contactId: leo.childId, content: asText })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    // The finished match is in both children's activity.
    const games = (pc: TestDesktop, childId: string): number =>
      (
        prepared(pc.core.stores.get(childId).db, `SELECT COUNT(*) AS n FROM activity_log WHERE kind = 'game'`).get() as {
          n: number;
        }
      ).n;
    expect(games(pcA, mia.childId)).toBe(1);
    expect(games(pcB, leo.childId)).toBe(1);
    // The activity detail lists it for that day, with the outcome for each child.
    const played = async (api: HearthApi) => must(await api.getMyActivityDetail({})).days.flatMap((d) => d.playedGames ?? []);
    expect(await played(pcA.api)).toEqual([{ contactId: leo.childId, game: 'noughts-and-crosses', outcome: 'won' }]);
    expect(await played(pcB.api)).toEqual([{ contactId: mia.childId, game: 'noughts-and-crosses', outcome: 'lost' }]);
    // Mia's export lists the match with Leo (data, and a line of the calls and activity page).
    const saved = await readZip(must(await pcA.api.exportChild({ childId: mia.childId })).path);
    const data = JSON.parse(saved.get('data/activity.json') ?? '{}') as { gameMatches: unknown[] };
    expect(data.gameMatches).toEqual([
      expect.objectContaining({
        matchId,
        contactId: leo.childId,
        game: 'noughts-and-crosses',
        result: 'won',
        winner: mia.childId,
      }),
    ]);
    expect(saved.get('calls.html')).toContain('noughts-and-crosses: won');
  });

  it('refuses forged envelopes with a log line and an unchanged board, drops duplicates, rebuilds on a bad hash', async () => {
    const opened = must(await pcA.api.startMatch({ contactId: leo.childId, game: gameType('four-in-a-row') }));
    const id = opened.matchId;
    const first = must(await pcA.api.playMove({ matchId: id, move: { column: 3 } }));
    if (!first.ok) throw new Error('refused');
    await waitMoves(pcB.api, id, 1, 'the first move on Leo’s PC');
    const before = await matchOn(pcB.api, id);
    const token = requireProfile(pcA.core.familyDb, mia.childId).deviceToken;
    const forged = await openRelaySocket(relay.url, token);
    const send = (moves: unknown[]): void =>
      forged.send({ type: 'send', id: newMessageId(), to: leo.childId, content: { kind: 'game-move', moves } });
    const env = first.envelope as { version: number; stateHash: string; move: Record<string, unknown> };
    send([{ ...env, version: 5 }]); // wrong version
    send([{ ...env, version: 2, move: { column: 2 } }]); // out of turn: it is Leo's turn
    await waitFor(() => refusals(logsB.lines, id).length >= 2, 10_000, 'two refusals logged');
    await forged.close();
    // The forging socket replaced the PC's (same device): it connects again.
    pcA.core.sync.stop(mia.childId);
    pcA.core.sync.start(mia.childId);
    expect(refusals(logsB.lines, id).map((l) => l['reason'])).toEqual(['wrong-version', 'out-of-turn']);
    // The same through the call's path: illegal, too large, the match of another pair's id is checked too.
    const call = (envelope: unknown) => pcB.api.receiveCallMove({ contactId: mia.childId, envelope });
    expect(must(await call({ ...env, version: 2, move: { column: 9 } })).status).toBe('refused');
    expect(must(await call({ ...env, version: 2, move: { column: 3, pad: 'x'.repeat(5000) } })).status).toBe('refused');
    expect(must(await call({ nonsense: true })).status).toBe('refused');
    // A duplicate is dropped silently.
    const lines = logsB.lines.length;
    expect(must(await call(first.envelope)).status).toBe('duplicate');
    expect(logsB.lines.slice(lines).filter((l) => String(l['msg']).includes('game move'))).toEqual([]);
    expect(await matchOn(pcB.api, id)).toEqual(before);
    expect(refusals(logsB.lines, id).length).toBeGreaterThanOrEqual(3);

    // Leo answers; a move of Mia's with a wrong hash: both apply the legal move, rebuilt from the log.
    const answer = must(await pcB.api.playMove({ matchId: id, move: { column: 3 } }));
    if (!answer.ok) throw new Error('refused');
    await waitMoves(pcA.api, id, 2, 'Leo’s answer on Mia’s PC');
    const made = must(await pcA.api.playMove({ matchId: id, move: { column: 4 }, via: 'call' }));
    if (!made.ok) throw new Error('refused');
    const r = must(await call({ ...made.envelope, stateHash: '0'.repeat(64) }));
    expect(r.status).toBe('rebuilt');
    expect(r.match?.state).toEqual(made.match.state);
    expect(logsB.lines.some((l) => l['matchId'] === id && String(l['msg']).includes('rebuilt'))).toBe(true);
  });

  it('keeps the match and the outbox across a restart of main', async () => {
    const opened = must(await pcA.api.startMatch({ contactId: leo.childId, game: gameType('noughts-and-crosses') }));
    pcA.core.sync.stop(mia.childId);
    must(await pcA.api.playMove({ matchId: opened.matchId, move: { cell: 4 } }));
    const dataDir = pcA.dataDir;
    pcA.close();
    pcA = await startPc(logsA, timersA, dataDir); // the closer made above closes this one
    must(await pcA.api.selectProfile({ childId: mia.childId }));
    expect((await matchOn(pcA.api, opened.matchId))?.moves).toBe(1);
    await waitMoves(pcB.api, opened.matchId, 1, 'the move sent after the restart');
    expect((await matchOn(pcB.api, opened.matchId))?.turn).toBe('me');
  });
});

describe('memory', () => {
  it('commits and reveals by itself on both PCs, and both get the same layout', async () => {
    const opened = must(await pcA.api.startMatch({ contactId: leo.childId, game: gameType('memory') }));
    expect(opened.moves).toBe(1);
    await waitMoves(pcA.api, opened.matchId, 4, 'both commits and both reveals on Mia’s PC');
    await waitMoves(pcB.api, opened.matchId, 4, 'both commits and both reveals on Leo’s PC');
    const a = (await matchOn(pcA.api, opened.matchId))?.state as { phase: string; layout: number[] };
    const b = (await matchOn(pcB.api, opened.matchId))?.state as { phase: string; layout: number[] };
    expect(a.phase).toBe('playing');
    expect(b.layout).toEqual(a.layout);
    expect((await matchOn(pcA.api, opened.matchId))?.turn).toBe('me');
  });

  it('is abandoned when the other app is online and its reveal does not come in 30 s (no score)', async () => {
    // A modified app of Mia's commits and never reveals.
    const id = newMessageId();
    const fake = { game: 'memory', matchId: id, version: 1, move: { type: 'commit', hash: commit('ab'.repeat(32)) } };
    const state = (await import('@hearth/common')).openMatch('memory', id, null, [mia.childId, leo.childId]);
    const applied = (await import('@hearth/common')).makeMove(state, fake.move, mia.childId);
    if (!applied.ok) throw new Error('refused');
    expect(must(await pcB.api.receiveCallMove({ contactId: mia.childId, envelope: applied.envelope })).status).toBe('applied');
    // Leo's app committed and revealed at once; it waits for Mia's reveal.
    expect((await matchOn(pcB.api, id))?.moves).toBe(3);
    expect(timersB.fire((ms) => ms === 30_000)).toBe(1);
    const m = await matchOn(pcB.api, id);
    expect(m?.result).toEqual({ kind: 'abandoned' });
    expect(must(await pcB.api.getGameScores({ contactId: mia.childId })).scores.find((s) => s.game === 'memory')).toBeUndefined();
  });
});

describe('games in a call', () => {
  it('validates call moves like relay moves, copies each side’s own moves in batches (at most one message a second), then goes on in chat', async () => {
    const id = must(await pcA.api.startMatch({ contactId: leo.childId, game: gameType('noughts-and-crosses') })).matchId;
    const play = async (me: TestDesktop, them: TestDesktop, themFrom: string, cell: number): Promise<void> => {
      const r = must(await me.api.playMove({ matchId: id, move: { cell }, via: 'call' }));
      if (!r.ok) throw new Error(r.reason);
      expect(must(await them.api.receiveCallMove({ contactId: themFrom, envelope: r.envelope })).status).toBe('applied');
    };
    await play(pcA, pcB, mia.childId, 0);
    await play(pcB, pcA, leo.childId, 4);
    await play(pcA, pcB, mia.childId, 1);
    // Mia's two moves wait for one copy; the copy of Leo's move is his PC's to send.
    expect(gameMessages(pcA, mia.childId, id)).toEqual([]);
    timersA.fire((ms) => ms <= 1000);
    expect(gameMessages(pcA, mia.childId, id).map((m) => m.n)).toEqual([2]);
    await play(pcB, pcA, leo.childId, 8);
    await play(pcA, pcB, mia.childId, 6);
    // The next copy waits for the second to end.
    const next = timersA.jobs.filter((j) => !j.done);
    expect(next.map((j) => j.ms).some((ms) => ms > 500 && ms <= 1000)).toBe(true);
    expect(gameMessages(pcA, mia.childId, id)).toHaveLength(1);
    timersA.fire((ms) => ms <= 1000);
    timersB.fire((ms) => ms <= 1000);
    expect(gameMessages(pcA, mia.childId, id).map((m) => m.n)).toEqual([2, 1]);
    expect(gameMessages(pcB, leo.childId, id).map((m) => m.n)).toEqual([2]);
    const delivered = (pc: TestDesktop, childId: string): number =>
      gameMessages(pc, childId, id).filter((m) => m.state === 'delivered').length;
    await waitFor(() => delivered(pcA, mia.childId) === 2 && delivered(pcB, leo.childId) === 1, 10_000, 'the copies delivered');
    // The copies reached the other side as duplicates: dropped, no refusal.
    expect(refusals(logsB.lines, id)).toEqual([]);
    expect(refusals(logsA.lines, id)).toEqual([]);
    // The call ends; the match goes on in chat.
    must(await pcB.api.playMove({ matchId: id, move: { cell: 2 } }));
    await waitMoves(pcA.api, id, 6, 'Leo’s chat move on Mia’s PC');
    expect((await matchOn(pcA.api, id))?.turn).toBe('me');
  });
});

describe('the games switch', () => {
  it('follows the relay: the pane turns games off, the child’s PC hears it, and moves are refused with GAMES_OFF', async () => {
    expect(must(await pcB.api.getGamesAvailability({}))).toEqual({ enabled: true, hiddenByPolicy: false });
    const id = must(await pcB.api.startMatch({ contactId: mia.childId, game: gameType('four-in-a-row') })).matchId;
    // Leo's guardian, in the pane on Leo's PC (unlocked since setup).
    expect(must(await pcB.api.setChildGames({ childId: leo.childId, enabled: false }))).toEqual({
      childId: leo.childId,
      enabled: false,
    });
    expect(must(await pcB.api.getChildGames({ childId: leo.childId }))).toEqual({ childId: leo.childId, enabled: false });
    await waitFor(async () => !must(await pcB.api.getGamesAvailability({})).enabled, 10_000, 'the switch off on Leo’s PC');
    expect(pcB.events.some((e) => e.event === 'gamesAvailability' && !e.payload.enabled)).toBe(true);
    expect(await pcB.api.playMove({ matchId: id, move: { column: 0 } })).toMatchObject({
      ok: false,
      error: { code: 'GAMES_OFF' },
    });
    expect(await pcB.api.startMatch({ contactId: mia.childId, game: gameType('memory') })).toMatchObject({
      ok: false,
      error: { code: 'GAMES_OFF' },
    });
    must(await pcB.api.setChildGames({ childId: leo.childId, enabled: true }));
    await waitFor(async () => must(await pcB.api.getGamesAvailability({})).enabled, 10_000, 'the switch on again');
    expect(must(await pcB.api.playMove({ matchId: id, move: { column: 0 } })).ok).toBe(true);
  });
});

describe('a match of another pair', () => {
  it('is refused with a log line when a third friend sends a move of it', async () => {
    const logsC = capturingLogger();
    const pcC = await startPc(logsC, manualTimers());
    started.add(pcC, () => pcC.close());
    const ava = await setUpFamily(pcC.api, 'Ava');
    await befriend(pcC.api, ava.childId, pcB.api, leo.childId);
    const ours = must(await pcA.api.startMatch({ contactId: leo.childId, game: gameType('noughts-and-crosses') }));
    const first = must(await pcA.api.playMove({ matchId: ours.matchId, move: { cell: 0 } }));
    if (!first.ok) throw new Error(first.reason);
    await waitMoves(pcB.api, ours.matchId, 1, 'Mia’s move at Leo');
    const before = await matchOn(pcB.api, ours.matchId);
    // Ava's modified app sends a move of the Mia–Leo match: her relay lets a friend's message through.
    const forged = await openRelaySocket(relay.url, requireProfile(pcC.core.familyDb, ava.childId).deviceToken);
    const bad = { ...first.envelope, version: 2, move: { cell: 1 } };
    forged.send({ type: 'send', id: newMessageId(), to: leo.childId, content: { kind: 'game-move', moves: [bad] } });
    await waitFor(
      () => logsB.lines.some((l) => l['matchId'] === ours.matchId && String(l['msg']).includes('another pair')),
      10_000,
      'the refusal logged',
    );
    await forged.close();
    expect(await matchOn(pcB.api, ours.matchId)).toEqual(before);
  });
});
