import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { GAME_TYPES, type GameType, type MatchView } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { gameOf } from './board-model';
import { GameBoard, statusLine } from './GameBoard';
import { useGames } from './use-games';
import './games.css';

const ICONS: Record<GameType, string> = {
  'noughts-and-crosses': '⭕',
  'four-in-a-row': '🔴',
  memory: '🃏',
  'draw-together': '🖍️',
};

/**
 * Games in a chat (F9): the Play button and its picker of games (with played / won / drawn with
 * this friend), a card per match, and the open match's board. Hidden where games are off or hidden
 * by the machine's policy. A refused move changes nothing on the board and says so gently.
 */
export function ChatGames({ contactId, friendName }: Readonly<{ contactId: string; friendName: string }>): ReactElement | null {
  const { t } = useTranslation();
  const hearth = useHearth();
  const games = useGames(contactId);
  const [picking, setPicking] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState(false);
  if (!games.shown) return null;
  const open = games.matches.find((m) => m.matchId === openId) ?? null;

  const start = async (game: GameType): Promise<void> => {
    setBusy(true);
    games.setError(null);
    // `game as never`: see gameOf (the contract's game type is `never` statically).
    const r = await hearth.startMatch({ contactId, game: game as never });
    setBusy(false);
    if (!r.ok) return games.setError(r.error);
    games.put(r.value);
    setPicking(false);
    setOpenId(r.value.matchId);
  };
  const play = async (match: MatchView, move: Record<string, unknown>): Promise<void> => {
    // Draw together sends a stroke's parts one after another, so moves there do not wait for each other.
    const shared = gameOf(match) === 'draw-together';
    if (!shared) setBusy(true);
    setRefused(false);
    games.setError(null);
    const r = await hearth.playMove({ matchId: match.matchId, move });
    if (!shared) setBusy(false);
    if (!r.ok) return games.setError(r.error);
    if (!r.value.ok) return setRefused(true);
    games.put(r.value.match);
  };

  return (
    <div className="games-strip" data-testid="chat-games">
      <div className="chat-games-row">
        <Button
          icon="🎲"
          aria-expanded={picking}
          data-testid="games-play"
          onClick={() => {
            setPicking((p) => !p);
            setOpenId(null);
          }}
        >
          {t('games.play')}
        </Button>
      </div>
      {picking && (
        <section aria-labelledby="games-pick-title" data-testid="games-picker">
          <h2 id="games-pick-title">{t('games.pickTitle', { name: friendName })}</h2>
          <ul className="games-picker">
            {GAME_TYPES.map((g) => {
              const s = games.scores.get(g);
              return (
                <li key={g}>
                  <Button
                    size="big"
                    icon={ICONS[g]}
                    disabled={busy}
                    data-testid={`games-pick-${g}`}
                    onClick={() => void start(g)}
                  >
                    {t(`games.names.${g}`)}
                  </Button>
                  {s && s.played > 0 && (
                    <p className="hint" data-testid={`games-score-${g}`}>
                      {t('games.score', { played: s.played, won: s.won, drawn: s.drawn })}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <ErrorNote error={games.error} />
      {games.matches.length > 0 && (
        <ul className="match-cards" aria-label={t('games.matchesWith', { name: friendName })}>
          {games.matches.slice(0, 6).map((m) => (
            <li
              key={m.matchId}
              className={`match-card match-card-turn-${m.turn ?? 'none'}`}
              data-testid="match-card"
              data-match={m.matchId}
              data-game={gameOf(m)}
            >
              <span aria-hidden="true">{ICONS[gameOf(m)]}</span>
              <span>
                {t(`games.names.${gameOf(m)}`)} ·{' '}
                <span data-testid="match-card-status">{statusLine(m, t as never, friendName)}</span>
              </span>
              <Button
                size="small"
                aria-pressed={m.matchId === openId}
                data-testid="match-card-open"
                onClick={() => {
                  setPicking(false);
                  setRefused(false);
                  setOpenId(m.matchId === openId ? null : m.matchId);
                }}
              >
                {m.matchId === openId ? t('games.close') : t('games.open')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <>
          {refused && (
            <p className="game-refused" role="status" data-testid="game-refused">
              <span aria-hidden="true">🙂 </span>
              {t('games.refused')}
            </p>
          )}
          <GameBoard match={open} friendName={friendName} disabled={busy} onMove={(move) => void play(open, move)} />
        </>
      )}
    </div>
  );
}
