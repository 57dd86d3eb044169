import { useCallback, useEffect, useState } from 'react';
import type { ErrorBody, GameType, MatchView } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useHearthEvent } from '../../app/use-event';

export type Score = Readonly<{ played: number; won: number; drawn: number }>;

export type Games = Readonly<{
  /** Whether games show at all (the relay's switch and this machine's policy); null until known. */
  shown: boolean | null;
  /** Matches with this friend, most recent first, kept live by `gameChanged`. */
  matches: readonly MatchView[];
  scores: ReadonlyMap<GameType, Score>;
  error: ErrorBody | null;
  setError: (e: ErrorBody | null) => void;
  /** Puts a match main just answered with (the event may come before or after). */
  put: (match: MatchView) => void;
}>;

const newer = (a: MatchView, b: MatchView): number => (a.updatedAt > b.updatedAt ? -1 : a.updatedAt < b.updatedAt ? 1 : 0);

/** The games side of one chat: availability, the matches with this friend and the scores. */
export function useGames(contactId: string): Games {
  const hearth = useHearth();
  const [shown, setShown] = useState<boolean | null>(null);
  const [matches, setMatches] = useState<readonly MatchView[]>([]);
  const [scores, setScores] = useState<ReadonlyMap<GameType, Score>>(new Map());
  const [error, setError] = useState<ErrorBody | null>(null);

  const loadScores = useCallback(() => {
    void hearth.getGameScores({ contactId }).then((r) => {
      if (r.ok) setScores(new Map(r.value.scores.map((s) => [s.game as GameType, s])));
    });
  }, [hearth, contactId]);

  useEffect(() => {
    let live = true;
    setMatches([]);
    void hearth.getGamesAvailability({}).then((r) => {
      if (live) setShown(r.ok && r.value.enabled && !r.value.hiddenByPolicy);
    });
    void hearth.listMatches({ contactId }).then((r) => {
      if (live && r.ok) setMatches((list) => merge(list, r.value.matches));
    });
    loadScores();
    return () => {
      live = false;
    };
  }, [hearth, contactId, loadScores]);

  const put = useCallback((m: MatchView) => setMatches((list) => merge(list, [m])), []);
  useHearthEvent('gameChanged', (m) => {
    if (m.contactId !== contactId) return;
    put(m);
    if (m.result.kind !== 'playing') loadScores();
  });
  useHearthEvent('gamesAvailability', (a) => setShown(a.enabled && !a.hiddenByPolicy));

  return { shown, matches, scores, error, setError, put };
}

/** Matches by id, the one with more moves (or the later update) winning, most recent first. */
function merge(list: readonly MatchView[], more: readonly MatchView[]): MatchView[] {
  const byId = new Map(list.map((m) => [m.matchId, m]));
  for (const m of more) {
    const had = byId.get(m.matchId);
    if (!had || m.moves > had.moves || (m.moves === had.moves && m.updatedAt >= had.updatedAt)) byId.set(m.matchId, m);
  }
  return [...byId.values()].sort(newer);
}
