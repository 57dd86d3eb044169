import { useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemoryState } from '@hearth/common';
import { gridKeyMove, MEMORY_PICTURES, numberKey } from './board-model';

type Props = Readonly<{
  state: MemoryState;
  me: string;
  friendName: string;
  canMove: boolean;
  onMove: (move: Record<string, unknown>) => void;
}>;

const COLS = 4;

/**
 * Memory: sixteen cards, four by four. A card shows its picture while open, while it is one of the
 * last miss's two (until the next flip) and once matched; matched cards carry a mark of who found
 * them (a star for this child, a ring for the friend), as well as a colour.
 */
export function MemoryBoard({ state, me, friendName, canMove, onMove }: Props): ReactElement {
  const { t } = useTranslation();
  const [focus, setFocus] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const cards = state.matchedBy.length;
  const rows = Math.ceil(cards / COLS);
  const dealt = state.phase !== 'waiting-for-reveals' && state.layout.length === cards;

  const flip = (i: number): void => {
    if (canMove && dealt) onMove({ type: 'flip', card: i });
  };
  const moveFocus = (i: number): void => {
    setFocus(i);
    buttons.current[i]?.focus();
  };
  const onKey = (e: KeyboardEvent, at: number): void => {
    const n = numberKey(e.key, cards);
    const next = n ?? gridKeyMove(e.key, at, COLS, rows);
    if (next === null) return;
    e.preventDefault();
    moveFocus(next);
  };
  const mine = state.matchedBy.filter((m) => m === me).length;
  const theirs = state.matchedBy.filter((m) => m !== null && m !== me).length;

  return (
    <div className="memory-game">
      <p className="hint" id="memory-keys">
        {t('games.keysGrid')}
      </p>
      <p className="memory-pairs" data-testid="memory-pairs">
        {t('games.pairs', { mine, theirs, name: friendName })}
      </p>
      <div className="memory-board" role="group" aria-describedby="memory-keys">
        {state.matchedBy.map((matched, i) => {
          const pair = dealt ? state.layout[i] : undefined;
          const shown = pair !== undefined && (matched !== null || state.open.includes(i) || (state.lastMiss ?? []).includes(i));
          const picture = pair !== undefined ? MEMORY_PICTURES[pair] : undefined;
          const word = pair !== undefined ? t(`games.pictures.${pair}` as 'games.pictures.0') : '';
          const owner = matched === null ? null : matched === me ? 'mine' : 'theirs';
          const label = !shown
            ? t('games.card', { n: i + 1 })
            : owner === 'mine'
              ? t('games.cardMine', { n: i + 1, picture: word })
              : owner === 'theirs'
                ? t('games.cardTheirs', { n: i + 1, picture: word, name: friendName })
                : t('games.cardShows', { n: i + 1, picture: word });
          return (
            <button
              key={i}
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              className={`memory-card ${shown ? 'memory-up' : 'memory-down'} ${owner ? `memory-${owner}` : ''}`}
              tabIndex={i === focus ? 0 : -1}
              aria-label={label}
              aria-disabled={!canMove || matched !== null}
              data-testid={`game-card-${i}`}
              data-shown={shown ? String(pair) : 'no'}
              data-owner={owner ?? 'none'}
              onFocus={() => setFocus(i)}
              onClick={() => flip(i)}
              onKeyDown={(e) => onKey(e, i)}
            >
              <span aria-hidden="true">{shown ? picture : '❓'}</span>
              {owner && (
                <span className="memory-owner" aria-hidden="true">
                  {owner === 'mine' ? '★' : '◯'}
                </span>
              )}
            </button>
          );
        })}
      </div>
    </div>
  );
}
