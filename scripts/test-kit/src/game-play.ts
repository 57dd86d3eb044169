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
  /** The board of that match (the game board's root: `data-moves` says how many moves it shows). */
  board: (matchId: string) => string;
  /**
   * The friend's board for that match opens by itself with the first move (a call), or the friend
   * opens it from the match's card once the first move has arrived (chat: then the first move of
   * each game is not timed, there being no board to see it on).
   */
  join?: (page: Page, matchId: string) => Promise<void>;
}>;

/** A column of the shared game board (screens/games/GridBoard) inside `board`. */
const columnOf = (board: string, c: number): string => `${board} [data-testid="game-column-${c}"]`;

type Doc = { document: { querySelector: (s: string) => { getAttribute: (a: string) => string | null } | null } };

/** Waits for a board of another match than `before` in `scope`; returns its match id. */
async function newMatchOn(page: Page, scope: string, before: string | null): Promise<string> {
  const sel = `${scope} [data-testid="game-board"]`;
  const handle = await page.waitForFunction(
    ({ sel, before }) => {
      const id = (globalThis as unknown as Doc).document.querySelector(sel)?.getAttribute('data-match') ?? null;
      return id !== null && id !== before ? id : null;
    },
    { sel, before },
    { timeout: 15_000 },
  );
  return (await handle.jsonValue()) as string;
}

async function shownMatch(page: Page, scope: string): Promise<string | null> {
  const board = page.locator(`${scope} [data-testid="game-board"]`);
  return (await board.count()) > 0 ? board.first().getAttribute('data-match') : null;
}

const IN_CALL = '[data-testid="call-game"]';
export const CALL_BOARD: GamePlace = {
  name: 'call',
  async start(page) {
    const before = await shownMatch(page, IN_CALL);
    if (await page.getByTestId('call-game-another').isVisible()) await page.getByTestId('call-game-another').click();
    if ((await page.getByTestId('call-game').count()) === 0) await page.getByTestId('call-play').click();
    await page.getByTestId('call-game-pick-four-in-a-row').click();
    return newMatchOn(page, IN_CALL, before);
  },
  board: (matchId) => `${IN_CALL} [data-testid="game-board"][data-match="${matchId}"]`,
};

const IN_CHAT = '[data-testid="chat-games"]';
export const CHAT_BOARD: GamePlace = {
  name: 'chat',
  async start(page) {
    const before = await shownMatch(page, IN_CHAT);
    await page.getByTestId('games-play').click();
    await page.getByTestId('games-pick-four-in-a-row').click();
    return newMatchOn(page, IN_CHAT, before);
  },
  board: (matchId) => `${IN_CHAT} [data-testid="game-board"][data-match="${matchId}"]`,
  async join(page, matchId) {
    const card = page.locator(`[data-testid="match-card"][data-match="${matchId}"]`);
    await card.waitFor({ timeout: 15_000 });
    await card.getByTestId('match-card-open').click();
    await page.locator(CHAT_BOARD.board(matchId)).waitFor();
  },
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
    if ((await kid.page.getByTestId('games-play').count()) === 0) {
      await kid.page.locator(`[data-contact="${other.childId}"] .friend-open`).click();
    }
    await kid.page.getByTestId('games-play').waitFor();
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
  const column = columnOf(place.board(matchId), c);
  await untimedReady(mover, place, matchId, c);
  const clicked = await timedClick(mover, column);
  return (await seen()) - clicked;
}

/** Waits until `page` may drop into column `c` (its turn, nothing on its way). */
async function untimedReady(page: Page, place: GamePlace, matchId: string, c: number): Promise<void> {
  const column = columnOf(place.board(matchId), c);
  await page.locator(column).waitFor({ timeout: 15_000 });
  await page.waitForFunction(
    (sel) => (globalThis as unknown as Doc).document.querySelector(sel)?.getAttribute('aria-disabled') === 'false',
    column,
    { timeout: 15_000 },
  );
}

/**
 * Plays four in a row between `a` and `b` until `moves` moves are timed: each game, its starter
 * drops into column 0 and the friend into column 1 until the starter has four (seven moves);
 * games alternate who starts. `onMove` runs after each move, once both boards show it. Returns
 * each timed move's latency, ms.
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
      const c = n % 2 === 1 ? 0 : 1;
      if (n === 1 && place.join) {
        await untimedReady(mover, place, matchId, c);
        await mover.locator(columnOf(place.board(matchId), c)).click();
        await place.join(other, matchId);
      } else times.push(await timedMove(mover, other, place, matchId, c, n));
      // Both boards show it (the mover's from main's answer) before the friend plays.
      for (const p of [mover, other]) await p.locator(`${place.board(matchId)}[data-moves="${n}"]`).waitFor({ timeout: 15_000 });
      await onMove?.(n, matchId);
    }
  }
  return times;
}
