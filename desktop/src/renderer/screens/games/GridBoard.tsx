import { useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { FOUR_COLS, FOUR_ROWS, type FourState, type NoughtsState } from '@hearth/common';
import { gridKeyMove, numberKey } from './board-model';

type Props = Readonly<{
  state: NoughtsState | FourState;
  me: string;
  friendName: string;
  canMove: boolean;
  onMove: (move: Record<string, unknown>) => void;
}>;

/** The mark of a player: the first player's is a round one, the second's a cross or a square. */
function Piece({ game, first }: Readonly<{ game: 'noughts-and-crosses' | 'four-in-a-row'; first: boolean }>): ReactElement {
  if (game === 'noughts-and-crosses') {
    return (
      <span className={`piece ${first ? 'piece-o' : 'piece-x'}`} aria-hidden="true">
        {first ? '○' : '✕'}
      </span>
    );
  }
  return <span className={`counter ${first ? 'counter-circle' : 'counter-square'}`} aria-hidden="true" />;
}

/**
 * Noughts and crosses (nine squares) and four in a row (seven columns): one button per square or
 * column, one of them in the Tab order at a time; arrows move, Enter or Space plays, and a number
 * key plays that square or column at once.
 */
export function GridBoard({ state, me, friendName, canMove, onMove }: Props): ReactElement {
  const { t } = useTranslation();
  const four = state.game === 'four-in-a-row';
  const targets = four ? FOUR_COLS : 9;
  const [focus, setFocus] = useState(four ? 3 : 4);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const who = (cell: string | null): 'mine' | 'theirs' | null => (cell === null ? null : cell === me ? 'mine' : 'theirs');
  const first = (cell: string | null): boolean => cell === state.players[0];

  const play = (i: number): void => {
    if (!canMove) return;
    onMove(four ? { column: i } : { cell: i });
  };
  const moveFocus = (i: number): void => {
    setFocus(i);
    buttons.current[i]?.focus();
  };
  const onKey = (e: KeyboardEvent, at: number): void => {
    const n = numberKey(e.key, targets);
    if (n !== null) {
      e.preventDefault();
      moveFocus(n);
      play(n);
      return;
    }
    const next = four
      ? e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End'
        ? gridKeyMove(e.key, at, FOUR_COLS, 1)
        : null
      : gridKeyMove(e.key, at, 3, 3);
    if (next !== null) {
      e.preventDefault();
      moveFocus(next);
    }
  };

  const label = (i: number): string => {
    if (four) {
      const full = state.cells[i] !== null;
      return full ? t('games.columnFull', { n: i + 1 }) : t('games.column', { n: i + 1 });
    }
    const owner = who(state.cells[i] ?? null);
    if (owner === 'mine') return t('games.cellMine', { n: i + 1 });
    if (owner === 'theirs') return t('games.cellTheirs', { n: i + 1, name: friendName });
    return t('games.cell', { n: i + 1 });
  };

  return (
    <div className="grid-game">
      <p className="hint" id="grid-keys">
        {t('games.keysGrid')}
      </p>
      <div className={four ? 'four-board' : 'noughts-board'} role="group" aria-describedby="grid-keys">
        {Array.from({ length: targets }, (_, i) => (
          <button
            key={i}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            className={four ? 'four-column' : `noughts-cell noughts-${who(state.cells[i] ?? null) ?? 'empty'}`}
            tabIndex={i === focus ? 0 : -1}
            aria-label={label(i)}
            aria-disabled={!canMove}
            data-testid={four ? `game-column-${i}` : `game-cell-${i}`}
            onFocus={() => setFocus(i)}
            onClick={() => play(i)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {four ? (
              Array.from({ length: FOUR_ROWS }, (_, r) => {
                const cell = state.cells[r * FOUR_COLS + i] ?? null;
                return (
                  <span
                    key={r}
                    className={`four-slot four-${who(cell) ?? 'empty'}`}
                    data-testid={`game-slot-${r * FOUR_COLS + i}`}
                    data-owner={who(cell) ?? 'empty'}
                  >
                    {cell !== null && <Piece game="four-in-a-row" first={first(cell)} />}
                  </span>
                );
              })
            ) : (
              <span className="noughts-mark" data-owner={who(state.cells[i] ?? null) ?? 'empty'}>
                {state.cells[i] != null && <Piece game="noughts-and-crosses" first={first(state.cells[i] ?? null)} />}
              </span>
            )}
          </button>
        ))}
      </div>
      <Legend game={state.game} meFirst={state.players[0] === me} friendName={friendName} />
    </div>
  );
}

/** Which mark is whose, in words and pictures. */
function Legend({
  game,
  meFirst,
  friendName,
}: Readonly<{ game: 'noughts-and-crosses' | 'four-in-a-row'; meFirst: boolean; friendName: string }>): ReactElement {
  const { t } = useTranslation();
  return (
    <ul className="game-legend">
      <li>
        <Piece game={game} first={meFirst} /> {t('games.me')}
      </li>
      <li>
        <Piece game={game} first={!meFirst} /> {friendName}
      </li>
    </ul>
  );
}
