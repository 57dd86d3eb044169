import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { stateHash, type DrawState, type FourState, type MatchView, type MemoryState, type NoughtsState } from '@hearth/common';
import { useSettings } from '../../app/settings-context';
import { speak } from '../../media/speech';
import { ReadAloud } from '../../ui/ReadAloud';
import { gameOf, myId } from './board-model';
import { DrawBoard } from './DrawBoard';
import { GridBoard } from './GridBoard';
import { MemoryBoard } from './MemoryBoard';
import './games.css';

export type GameBoardProps = Readonly<{
  match: MatchView;
  /** Called with a move exactly as the game's `apply` takes it; the caller plays it (chat or call). */
  onMove: (move: Record<string, unknown>) => void;
  /** No moves (e.g. while one is on its way). */
  disabled?: boolean;
  /** The friend's name, for "Sam's turn"; defaults to a neutral word. */
  friendName?: string;
}>;

/** The sentence for whose turn it is or how the game ended. */
export function statusLine(match: MatchView, t: (key: string, vars?: Record<string, unknown>) => string, name: string): string {
  const r = match.result;
  if (r.kind === 'won') return r.winner === match.contactId ? t('games.result.themWon', { name }) : t('games.result.meWon');
  if (r.kind === 'draw') return t('games.result.draw');
  if (r.kind === 'finished') return t('games.result.finished');
  if (r.kind === 'abandoned') return t('games.result.abandoned');
  if (gameOf(match) === 'draw-together') return t('games.turn.shared');
  if (match.turn === 'me') return t('games.turn.me');
  if (match.turn === 'them') return t('games.turn.them', { name });
  return t('games.turn.shuffling');
}

/**
 * One match's board, drawn from `match.state`: noughts and crosses, four in a row, memory or Draw
 * together. Whose turn it is and who won are announced (a live region, and read aloud where the
 * child has read-aloud on). The root carries `data-state-hash` (SHA-256 of the canonical state),
 * `data-game`, `data-turn` and `data-result` for tests and for comparing two screens.
 */
export function GameBoard({ match, onMove, disabled = false, friendName }: GameBoardProps): ReactElement {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const kind = gameOf(match);
  const game = t(`games.names.${kind}`);
  const name = friendName ?? game;
  const line = statusLine(match, t as never, name);
  const me = myId(match);
  const playing = match.result.kind === 'playing';
  const canMove = !disabled && playing && (kind === 'draw-together' || match.turn === 'me');
  const spoken = useRef<string | null>(null);
  useEffect(() => {
    // Read aloud when it changes (not on every redraw), only where the child asked for read-aloud.
    if (spoken.current !== null && spoken.current !== line && settings.readAloud) speak(line, i18n.language);
    spoken.current = line;
  }, [line, settings.readAloud, i18n.language]);

  return (
    <section
      className={`game-board game-${kind}`}
      aria-label={t('games.board', { game, name })}
      data-testid="game-board"
      data-game={kind}
      data-match={match.matchId}
      data-turn={match.turn ?? 'none'}
      data-result={match.result.kind}
      data-moves={match.moves}
      data-state-hash={stateHash(match.state)}
    >
      <div className="game-status">
        <p className="game-status-line" role="status" aria-live="polite" data-testid="game-status">
          {line}
        </p>
        <ReadAloud text={line} />
      </div>
      {(kind === 'noughts-and-crosses' || kind === 'four-in-a-row') && (
        <GridBoard state={match.state as NoughtsState | FourState} me={me} friendName={name} canMove={canMove} onMove={onMove} />
      )}
      {kind === 'memory' && (
        <MemoryBoard state={match.state as MemoryState} me={me} friendName={name} canMove={canMove} onMove={onMove} />
      )}
      {kind === 'draw-together' && (
        <DrawBoard
          key={match.matchId}
          state={match.state as DrawState}
          me={me}
          friendName={name}
          canMove={canMove}
          onMove={onMove}
        />
      )}
    </section>
  );
}
