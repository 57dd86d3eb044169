/**
 * `npm run bench:games` (by hand, not a test): how long a four-in-a-row move takes from the click
 * on one child's page to the piece on the friend's, live in a call (the call's data channel) and
 * in chat (through the relay), beside a bare RTCDataChannel message between the same two
 * Chromiums. Real app pages, the relay and each PC in their own processes, as in real life. Both
 * ends read `performance.timeOrigin + performance.now()` (one machine, one clock). Moves alternate
 * between the two children (each game: the starter wins with its seventh move); games alternate
 * who starts. Prints `name: value unit`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openCallWorld, type CallKid } from '@hearth/test-kit/call-world';
import { createClosers } from '@hearth/test-kit/closers';
import { bareMessage, closeBareChannel, openBareChannel, percentile } from '@hearth/test-kit/game-pages';
import { CALL_BOARD, CHAT_BOARD, callAndPlay, openChatGames, playTimedGames, type GamePlace } from '@hearth/test-kit/game-play';

const MOVES = Number(process.env.BENCH_MOVES ?? 50);
const BARE_MESSAGES = 50;

async function bare(a: Page, b: Page): Promise<number[]> {
  await openBareChannel(a, b);
  const times: number[] = [];
  for (let i = 0; i < BARE_MESSAGES; i++) {
    times.push(i % 2 === 0 ? await bareMessage(a, b) : await bareMessage(b, a));
    await a.waitForTimeout(20);
  }
  await closeBareChannel(a, b);
  return times;
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'hearth-bench-games-'));
  const closers = createClosers();
  closers.add(work, () => rm(work, { recursive: true, force: true }));
  try {
    const world = await openCallWorld({ workDir: work, names: ['Alice', 'Bob'], page: 'app', processes: true });
    closers.add(world, () => world.close());
    const [alice, bob] = world.kids as [CallKid, CallKid];
    const bareTimes = await bare(alice.page, bob.page);
    await callAndPlay(alice, bob);
    const inCall = await playTimedGames(alice, bob, CALL_BOARD as GamePlace, MOVES);
    await alice.page.getByTestId('call-hangup').click();
    await openChatGames(alice, bob);
    const inChat = await playTimedGames(alice, bob, CHAT_BOARD as GamePlace, MOVES);
    const lines = [
      `moves: ${MOVES} count`,
      `bare data channel message latency p50: ${percentile(bareTimes, 50).toFixed(1)} ms`,
      `bare data channel message latency p90: ${percentile(bareTimes, 90).toFixed(1)} ms`,
      `game move latency in call p50: ${percentile(inCall, 50).toFixed(1)} ms`,
      `game move latency in call p90: ${percentile(inCall, 90).toFixed(1)} ms`,
      `game move latency in chat p50: ${percentile(inChat, 50).toFixed(1)} ms`,
      `game move latency in chat p90: ${percentile(inChat, 90).toFixed(1)} ms`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await closers.closeAll();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${String(err instanceof Error ? (err.stack ?? err.message) : err)}\n`);
    process.exit(1);
  },
);
