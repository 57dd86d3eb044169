/**
 * Games with a friend in chat (issue 16, F9), through the real app in two Chromium windows: Mia's PC
 * speaks English, Leo's Spanish. From the chat's Play button: noughts and crosses with the keyboard
 * to a draw (a refused move changes nothing and says so gently), four in a row to a win across a
 * restart of Leo's web host (Mia's move waits on the relay meanwhile), memory to its end (the
 * shuffle agreed by the two apps with no child action), and Draw together drawn with the mouse and
 * the keyboard, undone, cleared and finished. After every move both boards show the same state
 * (`data-state-hash`, SHA-256 of the canonical state). Each board is saved under artifacts/screens/
 * and checked with axe-core.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchView, MemoryState } from '@hearth/common';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { must, RELAY_PASSWORD, TEST_PASSWORD } from '@hearth/test-kit/desktop';
import { openGamesWorld, type GameKid, type GamesWorld } from './support/games-world';
import { backHome, closePane, leaveProfile, openChat, openPane, pickProfile } from './support/flows';
import { reads, shows, visible } from './support/see';
import { windowFor, type Window } from './support/ui';

const STEP_MS = 240_000;
const board = (w: Window): Locator => w.page.getByTestId('game-board');
const num = async (l: Locator, name: string): Promise<number> => Number(await l.getAttribute(name));

describe.skipIf(withoutChromium())('games with a friend in chat', () => {
  let work: string;
  let world: GamesWorld;
  let mia: GameKid;
  let leo: GameKid;
  let m: Window;
  let l: Window;
  /** The four games were played in this run (the pane's activity then lists them). */
  let played = false;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'hearth-games-e2e-'));
    world = await openGamesWorld(work, ['Mia', 'Leo'], ['en', 'es']);
    [mia, leo] = world.kids;
    m = windowFor(mia.page, 'en', 'games-mia');
    l = windowFor(leo.page, 'es', 'games-leo');
  }, 300_000);

  afterAll(async () => {
    await world?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /**
   * Mia starts `game` from the Play button and makes the first move (`first`; memory's first moves
   * are the apps' own); Leo opens it from its card once it reaches him. Returns the match id.
   */
  async function start(game: string, first?: () => Promise<void>): Promise<string> {
    await m.page.getByTestId('games-play').click();
    await m.page.getByTestId(`games-pick-${game}`).click();
    await board(m).waitFor();
    const id = (await board(m).getAttribute('data-match')) ?? '';
    if (first) {
      await first();
      await expect.poll(() => num(board(m), 'data-moves')).toBe(1);
    }
    const card = l.page.locator(`[data-testid="match-card"][data-match="${id}"]`);
    await card.waitFor({ timeout: 20_000 });
    await card.getByTestId('match-card-open').click();
    await expect.poll(() => board(l).getAttribute('data-match')).toBe(id);
    if (first) await agree(1);
    return id;
  }

  /** Both boards show the same state, with at least `moves` moves. */
  async function agree(moves: number): Promise<void> {
    await expect.poll(() => num(board(m), 'data-moves'), { timeout: 20_000 }).toBeGreaterThanOrEqual(moves);
    const hash = async (w: Window): Promise<string> =>
      `${await board(w).getAttribute('data-moves')} ${await board(w).getAttribute('data-state-hash')}`;
    await expect.poll(async () => (await hash(l)) === (await hash(m)), { timeout: 20_000 }).toBe(true);
  }

  /** One move by `w` (clicks or keys in `act`), then both boards agree. */
  async function move(w: Window, act: () => Promise<void>): Promise<void> {
    const before = await num(board(w), 'data-moves');
    await act();
    await agree(before + 1);
  }

  it(
    'noughts and crosses with the keyboard, to a draw; a refused move changes nothing',
    async () => {
      await openChat(m, 'Leo');
      await openChat(l, 'Mia');
      await m.page.getByTestId('games-play').click();
      await m.shot('picker');
      await m.page.getByTestId('games-play').click();
      // Mia: arrows and Enter (the centre square is focused first: up-left is square 1).
      await start('noughts-and-crosses', async () => {
        await reads(m.page.getByTestId('game-status'), m.text('games.turn.me'));
        await m.shot('noughts-start');
        await m.page.getByTestId('game-cell-4').focus();
        await m.page.keyboard.press('ArrowUp');
        await m.page.keyboard.press('ArrowLeft');
        await m.page.keyboard.press('Enter');
      });
      await reads(l.page.getByTestId('game-status'), l.text('games.turn.me'));
      await reads(m.page.getByTestId('game-status'), m.text('games.turn.them', { name: 'Leo' }));
      await expect.poll(() => m.page.getByTestId('game-cell-0').getAttribute('aria-label')).toBe('Square 1: yours');
      // Leo: number keys.
      const key = (w: Window, k: string) => async () => {
        await w.page.getByTestId('game-cell-0').focus();
        await w.page.keyboard.press(k);
      };
      await move(l, key(l, '5'));
      // A square already taken: refused, nothing changes, a gentle note.
      const hash = await board(m).getAttribute('data-state-hash');
      await m.page.getByTestId('game-cell-4').click();
      await shows(m.page.getByTestId('game-refused'), m.text('games.refused'));
      expect(await board(m).getAttribute('data-state-hash')).toBe(hash);
      await m.shot('noughts-refused');
      // O X O / O X X / X O O: nobody has a line.
      for (const [w, k] of [
        [m, '9'],
        [l, '2'],
        [m, '8'],
        [l, '7'],
        [m, '3'],
        [l, '6'],
        [m, '4'],
      ] as const) {
        await move(w, key(w, k));
      }
      await reads(m.page.getByTestId('game-status'), m.text('games.result.draw'));
      await reads(l.page.getByTestId('game-status'), l.text('games.result.draw'));
      expect(await board(m).getAttribute('data-result')).toBe('draw');
      await m.shot('noughts-draw');
      await l.shot('noughts-draw');
      expect([...m.problems, ...l.problems]).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'four in a row to a win, across a restart of Leo’s web host',
    async () => {
      const drop = (w: Window, column: number) => () => w.page.getByTestId(`game-column-${column}`).click();
      const id = await start('four-in-a-row', drop(m, 3));
      await move(l, drop(l, 4));
      await world.stop(leo);
      // Mia plays while Leo's PC is off: the move waits on the relay.
      const before = await num(board(m), 'data-moves');
      await drop(m, 3)();
      await expect.poll(() => num(board(m), 'data-moves')).toBe(before + 1);
      await m.shot('four-while-leo-away');
      await world.start(leo);
      await openChat(l, 'Mia');
      const card = l.page.locator(`[data-testid="match-card"][data-match="${id}"]`);
      await card.getByTestId('match-card-open').click();
      await agree(before + 1);
      await reads(l.page.getByTestId('game-status'), l.text('games.turn.me'));
      await l.shot('four-after-restart');
      await move(l, drop(l, 4));
      await move(m, drop(m, 3));
      await move(l, drop(l, 4));
      await m.shot('four-three');
      await move(m, drop(m, 3));
      await reads(m.page.getByTestId('game-status'), m.text('games.result.meWon'));
      await reads(l.page.getByTestId('game-status'), l.text('games.result.themWon', { name: 'Mia' }));
      await m.shot('four-won');
      await l.shot('four-won');
      expect([...m.problems, ...l.problems]).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'memory: shuffled by both apps with no child action, played to its end',
    async () => {
      const id = await start('memory');
      // The two apps commit and reveal by themselves; then the first player's turn.
      await expect.poll(() => board(m).getAttribute('data-turn'), { timeout: 40_000 }).not.toBe('none');
      const match = must(await mia.api.listMatches({ contactId: leo.childId })).matches.find((x: MatchView) => x.matchId === id);
      const layout = (match?.state as MemoryState).layout;
      const pairs = Array.from({ length: 8 }, (_, p) => [layout.indexOf(p), layout.lastIndexOf(p)] as const);
      await agree(await num(board(m), 'data-moves'));
      await m.shot('memory-dealt');
      // Whoever's turn it is finds pairs until they have four, then misses once; the other finds the rest.
      let found = 0;
      const whose = async (): Promise<Window> => ((await board(m).getAttribute('data-turn')) === 'me' ? m : l);
      let missed = false;
      while (found < 8) {
        const w = await whose();
        if (found === 4 && !missed) {
          const [a] = pairs[found]!;
          const [b] = pairs[found + 1]!;
          await move(w, () => w.page.getByTestId(`game-card-${a}`).click());
          if (!missed) await w.shot('memory-one-open');
          await move(w, () => w.page.getByTestId(`game-card-${b}`).click());
          missed = true;
          continue;
        }
        const [a, b] = pairs[found]!;
        await move(w, () => w.page.getByTestId(`game-card-${a}`).click());
        await move(w, () => w.page.getByTestId(`game-card-${b}`).click());
        found += 1;
      }
      await reads(m.page.getByTestId('game-status'), m.text('games.result.draw'));
      await reads(l.page.getByTestId('game-status'), l.text('games.result.draw'));
      await m.shot('memory-draw');
      await l.shot('memory-draw');
      expect([...m.problems, ...l.problems]).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'Draw together: drawn, undone, cleared and finished, the same on both screens',
    async () => {
      const canvas = (w: Window): Locator => w.page.getByTestId('draw-canvas');
      const strokes = (n: number) => async () => {
        for (const w of [m, l]) await expect.poll(() => canvas(w).getAttribute('data-strokes')).toBe(String(n));
      };
      const drawWithMouse = async (w: Window, from: [number, number], to: [number, number]): Promise<void> => {
        const box = (await canvas(w).boundingBox())!;
        await w.page.mouse.move(box.x + from[0] * box.width, box.y + from[1] * box.height);
        await w.page.mouse.down();
        for (let i = 1; i <= 20; i++) {
          const f = i / 20;
          await w.page.mouse.move(
            box.x + (from[0] + (to[0] - from[0]) * f) * box.width,
            box.y + (from[1] + (to[1] - from[1]) * f) * box.height + Math.sin(f * 6) * 20,
          );
        }
        await w.page.mouse.up();
      };
      await start('draw-together', () => drawWithMouse(m, [0.1, 0.2], [0.9, 0.3]));
      await strokes(1)();
      // Leo with the keyboard: Enter, arrows, Enter.
      await move(l, async () => {
        await canvas(l).focus();
        await l.page.keyboard.press('Enter');
        for (const k of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown']) {
          await l.page.keyboard.press(k);
        }
        await l.page.keyboard.press('Enter');
      });
      await strokes(2)();
      await m.page.getByTestId('draw-pen-red').click();
      await move(m, () => drawWithMouse(m, [0.2, 0.8], [0.7, 0.6]));
      await strokes(3)();
      await m.shot('draw-three');
      await l.shot('draw-three');
      await move(m, () => m.page.getByTestId('draw-undo').click());
      await strokes(2)();
      await move(l, () => l.page.getByTestId('draw-clear').click());
      await strokes(0)();
      await move(l, () => drawWithMouse(l, [0.5, 0.1], [0.5, 0.9]));
      await strokes(1)();
      await move(m, () => m.page.getByTestId('draw-finish').click());
      for (const w of [m, l]) await expect.poll(() => board(w).getAttribute('data-result')).toBe('finished');
      await reads(m.page.getByTestId('game-status'), m.text('games.result.finished'));
      await reads(l.page.getByTestId('game-status'), l.text('games.result.finished'));
      await agree(await num(board(m), 'data-moves'));
      await m.shot('draw-finished');
      await l.shot('draw-finished');
      expect([...m.problems, ...l.problems]).toEqual([]);
      // Scores for this friend: four played, one won by Mia, two drawn (Draw together counts only as played).
      await m.page.getByTestId('games-play').click();
      await reads(m.page.getByTestId('games-score-four-in-a-row'), m.text('games.score', { played: 1, won: 1, drawn: 0 }));
      await reads(m.page.getByTestId('games-score-memory'), m.text('games.score', { played: 1, won: 0, drawn: 1 }));
      await m.shot('picker-scores');
      played = true;
      expect([...mia.errors, ...leo.errors]).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'a grown-up turns Leo’s games off in the pane: his Play button goes; on again, it comes back',
    async () => {
      const leoParent = { name: 'Leo', email: leo.parentEmail, password: RELAY_PASSWORD, paneSecret: TEST_PASSWORD };
      const setGames = async (on: boolean): Promise<void> => {
        await backHome(l);
        await leaveProfile(l);
        await openPane(l, leoParent, false);
        await l.page.locator('.pane-nav-item', { hasText: l.text('pane.nav.activity') }).click();
        const box = l.page.getByTestId('games-toggle').getByRole('checkbox');
        await expect.poll(() => box.isEnabled(), { timeout: 20_000 }).toBe(true);
        await box.setChecked(on);
        await expect.poll(() => box.isChecked()).toBe(on);
        if (!on && played) {
          // The games Leo played, in his grown-up's activity view: which, with whom, how each ended.
          const list = l.page.getByTestId('played-games').locator('li');
          await expect.poll(() => list.count()).toBe(4);
          await expect
            .poll(() => l.page.getByTestId('played-games').locator('[data-game="four-in-a-row"]').getAttribute('data-outcome'))
            .toBe('lost');
          await shows(list.first(), 'Mia');
        }
        if (!on) await l.shot('pane-games-off');
        await closePane(l);
        await pickProfile(l, 'Leo');
        await openChat(l, 'Mia');
      };
      // From Leo's home, as after any restart of his page.
      await l.page.goto(leo.app.host.url);
      await l.screen('kid-home');
      await openChat(l, 'Mia');
      await visible(l.page.getByTestId('games-play'));
      await setGames(false);
      expect(must(await leo.api.getGamesAvailability({}))).toEqual({ enabled: false, hiddenByPolicy: false });
      await l.page.waitForTimeout(1_000);
      expect(await l.page.getByTestId('games-play').count()).toBe(0);
      await l.shot('chat-games-off');
      await setGames(true);
      await visible(l.page.getByTestId('games-play'));
      expect([...m.problems, ...l.problems]).toEqual([]);
    },
    STEP_MS,
  );
});
