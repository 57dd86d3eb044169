import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { GAME_TYPES, type GameType } from '@hearth/common';
import { GameBoard } from '../screens/games/GameBoard';
import { Button } from '../ui/Button';
import type { CallGame } from './use-call-game';
import './call-game.css';

const PICTURES: Readonly<Record<GameType, string>> = {
  'noughts-and-crosses': '⭕',
  'four-in-a-row': '🔴',
  memory: '🃏',
  'draw-together': '🖍️',
};

/**
 * The game beside the video (F9): the picker, then the board. The video stays where it is; the
 * board is the same one the chat draws, fed by main's view of the match.
 */
export function CallGamePanel({ game, name }: Readonly<{ game: CallGame; name: string }>): ReactElement {
  const { t } = useTranslation();
  const { match, note } = game;
  const over = match !== null && match.result.kind !== 'playing';
  return (
    <section className="call-game" data-testid="call-game" aria-label={t('gamesCall.playWith', { name })}>
      <div className="call-game-top">
        <Button variant="quiet" size="small" icon="✖️" data-testid="call-game-close" onClick={() => game.setOpen(false)}>
          {t('gamesCall.close')}
        </Button>
      </div>
      {match ? (
        <div className="call-game-board" data-testid="call-game-board" data-match={match.matchId} data-moves={match.moves}>
          <GameBoard match={match} friendName={name} disabled={game.busy} onMove={(m) => void game.move(m)} />
          {over && (
            <Button variant="primary" size="big" icon="🎲" data-testid="call-game-another" onClick={game.pickAgain}>
              {t('gamesCall.another')}
            </Button>
          )}
        </div>
      ) : (
        <div className="call-game-picker" data-testid="call-game-picker">
          <h3>{t('gamesCall.pick')}</h3>
          <div className="call-game-choices">
            {GAME_TYPES.map((g) => (
              <Button
                key={g}
                size="big"
                icon={PICTURES[g]}
                data-testid={`call-game-pick-${g}`}
                disabled={note === 'starting'}
                onClick={() => void game.start(g)}
              >
                {t(`gamesCall.names.${g}`)}
              </Button>
            ))}
          </div>
        </div>
      )}
      {note && note !== 'starting' && (
        <p className="call-game-note" role="status" data-testid="call-game-note" data-note={note}>
          {t(note === 'cannot-start' ? 'gamesCall.cannotStart' : 'gamesCall.moveRefused')}
        </p>
      )}
    </section>
  );
}
