/**
 * A game live in a call, end to end (issue 16): two children's real apps, each behind its own web
 * host and Chromium with a fake camera, one relay. Alice opens four in a row beside the video;
 * every move goes over the call's data channel, and after each one both screens and both PCs'
 * matches agree. When the call ends the same match shows in their chat.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MatchView } from '@hearth/common';
import { must } from '@hearth/test-kit/desktop';
import type { CallKid } from '@hearth/test-kit/call-world';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { CALL_BOARD, callAndPlay, openChatGames, timedMove } from '@hearth/test-kit/game-play';
import { axeProblems, type AxeProblem } from './support/screens';
import { twoKidsInTheApp } from './support/two-kids';

const SHOTS = path.resolve(import.meta.dirname, '..', 'artifacts', 'games-call');

async function shot(page: Page, name: string): Promise<AxeProblem[]> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: 'disabled' });
  return axeProblems(page, name);
}

async function matchOf(kid: CallKid, matchId: string): Promise<MatchView | undefined> {
  return must(await kid.api.listMatches({})).matches.find((m) => m.matchId === matchId);
}

describe.skipIf(withoutChromium())('a game live in a call', () => {
  const kids = twoKidsInTheApp('hearth-games-call-e2e-');
  let alice: CallKid;
  let bob: CallKid;
  beforeEach(() => {
    ({ alice, bob } = kids);
  });

  it('plays four in a row beside the video to a win, both screens agreeing move by move, then goes on in chat', async () => {
    await callAndPlay(alice, bob);
    const problems = await shot(alice.page, 'picker');
    const matchId = await CALL_BOARD.start(alice.page);
    // The video stays beside the board.
    await expect(alice.page.getByTestId('call-remote-video').isVisible()).resolves.toBe(true);

    // Alice drops into column 0, Bob into column 1: Alice's fourth piece wins (move 7).
    for (let n = 1; n <= 7; n++) {
      const [mover, friend] = n % 2 === 1 ? [alice, bob] : [bob, alice];
      const ms = await timedMove(mover.page, friend.page, CALL_BOARD, matchId, n % 2 === 1 ? 0 : 1, n);
      expect(ms, `move ${n} reached the friend`).toBeLessThan(5_000);
      for (const kid of [alice, bob]) {
        await expect
          .poll(() => kid.page.locator(CALL_BOARD.board(matchId)).getAttribute('data-moves'), { timeout: 5_000 })
          .toBe(String(n));
      }
      // Both screens draw the same state (its hash on each board), and both PCs' mains keep it.
      const hashes = await Promise.all(
        [alice, bob].map((k) => k.page.locator(CALL_BOARD.board(matchId)).getAttribute('data-state-hash')),
      );
      expect(hashes[1], `move ${n}: Bob's screen`).toBe(hashes[0]);
      await expect.poll(async () => (await matchOf(bob, matchId))?.moves, { timeout: 5_000 }).toBe(n);
      await expect.poll(async () => (await matchOf(alice, matchId))?.moves, { timeout: 5_000 }).toBe(n);
      const [a, b] = [await matchOf(alice, matchId), await matchOf(bob, matchId)];
      expect(b?.state, `move ${n}: the same board at Bob`).toEqual(a?.state);
      expect(b?.players).toEqual(a?.players);
      if (n === 1) {
        // Bob's board opened by itself with Alice's first move, beside his video.
        await expect(bob.page.getByTestId('call-remote-video').isVisible()).resolves.toBe(true);
        problems.push(...(await shot(bob.page, 'first-move-at-bob')));
      }
    }
    for (const kid of [alice, bob]) {
      await expect
        .poll(async () => (await matchOf(kid, matchId))?.result, { timeout: 5_000 })
        .toEqual({
          kind: 'won',
          winner: alice.childId,
        });
    }
    problems.push(...(await shot(alice.page, 'won-at-alice')), ...(await shot(bob.page, 'won-at-bob')));
    await expect(alice.page.getByTestId('call-game-another').isVisible()).resolves.toBe(true);

    await alice.page.getByTestId('call-hangup').click();
    await bob.page.getByTestId('call-ended').waitFor({ timeout: 10_000 });
    await openChatGames(alice, bob);
    for (const kid of [alice, bob]) {
      const card = kid.page.locator(`[data-testid="match-card"][data-match="${matchId}"]`);
      await card.waitFor({ timeout: 10_000 });
    }
    problems.push(...(await shot(bob.page, 'in-chat-after-call')));
    expect(problems).toEqual([]);
    expect([...alice.consoleErrors, ...bob.consoleErrors]).toEqual([]);
  }, 180_000);
});
