/**
 * The game played in the call going on (F9). Our moves: main checks and stores them
 * (`playMove` with `via: 'call'`) and returns the envelope, which goes to the friend on the call's
 * data channel. The friend's moves: whatever arrives on the channel goes to main
 * (`receiveCallMove`, the friend being the channel's peer), one at a time and in order, and the
 * board draws only what main answers. The match is main's, so when the call ends it goes on in chat.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GameType, MatchView } from '@hearth/common';
import { useHearth } from '../app/hearth-context';
import { reportProblem } from '../app/report-problem';
import { useHearthEvent } from '../app/use-event';
import { foresee } from './call-game-foresee';
import type { CallService } from './call-service-types';

export type CallGameNote = 'starting' | 'cannot-start' | 'move-refused' | null;

export type CallGame = Readonly<{
  /** The match beside the video (null: none yet). */
  match: MatchView | null;
  /** The panel is showing (the picker while there is no match). */
  open: boolean;
  note: CallGameNote;
  /** Our move is on its way to main: no second one meanwhile. */
  busy: boolean;
  setOpen: (open: boolean) => void;
  /** Back to the picker (after a game, for another). */
  pickAgain: () => void;
  start: (game: GameType) => Promise<void>;
  move: (move: Record<string, unknown>) => Promise<void>;
}>;

/** The newer of two views of the same match (answers can come back out of order); another match replaces it. */
export function newerMatch(prev: MatchView | null, next: MatchView): MatchView {
  if (!prev || prev.matchId !== next.matchId) return next;
  return next.moves >= prev.moves ? next : prev;
}

export function useCallGame(service: CallService, contactId: string | null): CallGame {
  const hearth = useHearth();
  const [match, setMatch] = useState<MatchView | null>(null);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<CallGameNote>(null);
  const [busy, setBusy] = useState(false);
  /** The friend's moves main has not answered yet: ours waits for them (main takes moves in turn). */
  const [waiting, setWaiting] = useState(0);
  const shown = useRef<string | null>(null);
  shown.current = match?.matchId ?? null;
  const inbox = useRef<Promise<void>>(Promise.resolve());
  /** The game the child put away for another: a late answer about it does not bring it back. */
  const putAway = useRef<string | null>(null);

  useEffect(
    () =>
      service.onGameMove((m) => {
        if (m.contactId !== contactId) return;
        // Drawn at once where the rules can tell it here; main's answer below is the truth.
        setMatch((prev) => {
          const next = foresee(prev, m.envelope);
          return next ? newerMatch(prev, next) : prev;
        });
        // One at a time, in the order the channel brought them: each is checked against the last.
        setWaiting((n) => n + 1);
        inbox.current = inbox.current.then(async () => {
          const r = await hearth.receiveCallMove({ contactId: m.contactId, envelope: m.envelope });
          setWaiting((n) => n - 1);
          if (!r.ok) return reportProblem(hearth, 'calls', 'game move not taken', r.error);
          const view = r.value.match;
          if (r.value.status === 'refused') {
            reportProblem(hearth, 'calls', 'game move refused');
            // Take back what was drawn before main said no.
            if (view) setMatch((prev) => (prev?.matchId === view.matchId ? view : prev));
            return;
          }
          if (!view || view.matchId === putAway.current) return;
          // The friend's first move of a new game opens it beside the video.
          setMatch((prev) => newerMatch(prev, view));
          setOpen(true);
          setNote(null);
        });
      }),
    [service, hearth, contactId],
  );

  useHearthEvent('gameChanged', (view) => {
    if (view.matchId === shown.current) setMatch((prev) => newerMatch(prev, view));
  });

  const start = useCallback(
    async (game: GameType): Promise<void> => {
      if (!contactId) return;
      setNote('starting');
      // The contract's game union is built with `map`, which TypeScript types as `never`: the
      // schema still checks the value at the boundary.
      const r = await hearth.startMatch({ contactId, game: game as never });
      if (!r.ok) {
        reportProblem(hearth, 'calls', 'could not start a game', r.error);
        return setNote('cannot-start');
      }
      setNote(null);
      setMatch(r.value);
    },
    [hearth, contactId],
  );

  const move = useCallback(
    async (m: Record<string, unknown>): Promise<void> => {
      const matchId = shown.current;
      if (!matchId) return;
      setBusy(true);
      const r = await hearth.playMove({ matchId, move: m, via: 'call' });
      setBusy(false);
      if (!r.ok) {
        reportProblem(hearth, 'calls', 'could not play a move', r.error);
        return setNote('move-refused');
      }
      if (!r.value.ok) return setNote('move-refused');
      // Main stored it and copies it to the relay: the friend also gets it in chat if the call just ended.
      service.sendGameMove(r.value.envelope);
      setNote(null);
      const view = r.value.match;
      setMatch((prev) => newerMatch(prev, view));
    },
    [hearth, service],
  );

  return {
    match,
    open,
    note,
    busy: busy || waiting > 0,
    setOpen,
    pickAgain: () => {
      putAway.current = shown.current;
      setMatch(null);
    },
    start,
    move,
  };
}
