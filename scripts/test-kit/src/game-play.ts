/**
 * Tests and the benchmark only: four in a row between two children's real app pages, in a call
 * (the board beside the video) or in their chat, every move timed from the click on the mover's
 * page to the piece on the friend's.
 */
import type { Page } from 'playwright-core';
import type { CallKid } from './call-world';
import { timedClick, watchFor } from './game-pages';

/** Where a game is played, as selectors and steps on a child's page. */
export type GamePlace = Readonly<{
  name: string;
  /** Starts a new four-in-a-row game on `page` (this child moves first); returns its match id. */
  start: (page: Page) => Promise<string>;
  /** The board of that match (it carries `data-moves`: how many moves it shows). */
  board: (matchId: string) => string;
  /** What to click to drop a piece into column `c` of that match's board. */
  column: (matchId: string, c: number) => string;
}>;

/** A column button of the shared game board (screens/games/GameBoard). */
const columnOf = (c: number): string => `[data-column="${c}"]`;

async function newMatchOn(page: Page, boardSelector: string, before: string | null): Promise<string> {
  const board = page.locator(boardSelector).first();
  await page.waitForFunction(
    ({ sel, before }) => {
      const el = (
        globalThis as unknown as {
          document: { querySelector: (s: string) => { getAttribute: (a: string) => string | null } | null };
        }
      ).document.querySelector(sel);
      const id = el?.getAttribute('data-match') ?? null;
      return id !== null && id !== before;
    },
    { sel: boardSelector, before },
    { timeout: 15_000 },
  );
  return (await board.getAttribute('data-match')) as string;
}

const CALL_BOARD_SELECTOR = '[data-testid="call-game-board"]';
export const CALL_BOARD: GamePlace = {
  name: 'call',
  async start(page) {
    const before =
      (await page.locator(CALL_BOARD_SELECTOR).count()) > 0
        ? await page.locator(CALL_BOARD_SELECTOR).getAttribute('data-match')
        : null;
    if (await page.getByTestId('call-game-another').isVisible()) await page.getByTestId('call-game-another').click();
    if ((await page.getByTestId('call-game').count()) === 0) await page.getByTestId('call-play').click();
    await page.getByTestId('call-game-pick-four-in-a-row').click();
    return newMatchOn(page, CALL_BOARD_SELECTOR, before);
  },
  board: (matchId) => `${CALL_BOARD_SELECTOR}[data-match="${matchId}"]`,
  column: (matchId, c) => `${CALL_BOARD_SELECTOR}[data-match="${matchId}"] ${columnOf(c)}`,
};

const CHAT_BOARD_SELECTOR = '[data-testid="game-card"]';
export const CHAT_BOARD: GamePlace = {
  name: 'chat',
  async start(page) {
    const before = await page
      .locator(CHAT_BOARD_SELECTOR)
      .last()
      .getAttribute('data-match')
      .catch(() => null);
    await page.getByTestId('chat-play').click();
    await page.getByTestId('game-pick-four-in-a-row').click();
    return newMatchOn(page, `${CHAT_BOARD_SELECTOR}:last-of-type`, before);
  },
  board: (matchId) => `${CHAT_BOARD_SELECTOR}[data-match="${matchId}"]`,
  column: (matchId, c) => `${CHAT_BOARD_SELECTOR}[data-match="${matchId}"] ${columnOf(c)}`,
};

/** `caller` video-calls `callee`, who answers; both active. */
export async function videoCall(caller: CallKid, callee: CallKid): Promise<void> {
  const dial = caller.page.getByTestId(`call-video-${callee.childId}`);
  await dial.waitFor({ timeout: 20_000 });
  for (let i = 0; i < 200 && !(await dial.isEnabled()); i++) await caller.page.waitForTimeout(100);
  await dial.click();
  await callee.page.getByTestId('call-ring').waitFor({ timeout: 15_000 });
  await callee.page.getByTestId('call-accept').click();
  for (const kid of [caller, callee]) {
    await kid.page.locator('[data-testid="call-screen"][data-phase="active"]').waitFor({ timeout: 15_000 });
  }
}

/** A call, and the game panel open on the caller's side. */
export async function callAndPlay(caller: CallKid, callee: CallKid): Promise<void> {
  await videoCall(caller, callee);
  await caller.page.getByTestId('call-play').click();
  await caller.page.getByTestId('call-game-picker').waitFor();
}

/** Opens each child's chat with the other (from their home's friend card). */
export async function openChatGames(a: CallKid, b: CallKid): Promise<void> {
  for (const [kid, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const ended = kid.page.getByTestId('call-ended');
    if ((await ended.count()) > 0) await ended.getByRole('button').first().click();
    if ((await kid.page.getByTestId('chat-play').count()) === 0) {
      await kid.page.locator(`[data-contact="${other.childId}"] .friend-open`).click();
    }
    await kid.page.getByTestId('chat-play').waitFor();
  }
}

/** One timed move: `mover` clicks column `c`; resolves with the ms until the friend's board shows move `n`. */
export async function timedMove(
  mover: Page,
  friend: Page,
  place: GamePlace,
  matchId: string,
  c: number,
  n: number,
): Promise<number> {
  const seen = await watchFor(friend, place.board(matchId), 'data-moves', n);
  await mover.locator(place.column(matchId, c)).first().waitFor();
  await mover.waitForFunction(
    (sel) => {
      const el = (
        globalThis as unknown as { document: { querySelector: (s: string) => { disabled?: boolean } | null } }
      ).document.querySelector(sel);
      return el !== null && el.disabled !== true;
    },
    place.column(matchId, c),
  );
  const clicked = await timedClick(mover, place.column(matchId, c));
  return (await seen()) - clicked;
}

/**
 * Plays `moves` timed moves of four in a row between `a` and `b`: each game, its starter drops
 * into column 0 and the friend into column 1 until the starter has four (seven moves); games
 * alternate who starts. Returns each move's latency, ms.
 */
export async function playTimedGames(
  a: CallKid,
  b: CallKid,
  place: GamePlace,
  moves: number,
  onMove?: (n: number, matchId: string) => Promise<void>,
): Promise<number[]> {
  const times: number[] = [];
  for (let game = 0; times.length < moves; game++) {
    const [starter, friend] = game % 2 === 0 ? [a.page, b.page] : [b.page, a.page];
    const matchId = await place.start(starter);
    for (let n = 1; n <= 7 && times.length < moves; n++) {
      const [mover, other] = n % 2 === 1 ? [starter, friend] : [friend, starter];
      times.push(await timedMove(mover, other, place, matchId, n % 2 === 1 ? 0 : 1, n));
      // The mover's own board catches up too (its answer from main) before the friend plays.
      await mover
        .locator(`${place.board(matchId)}`)
        .and(mover.locator(`[data-moves="${n}"]`))
        .waitFor();
      await onMove?.(n, matchId);
    }
  }
  return times;
}
