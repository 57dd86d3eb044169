/**
 * Games live in a call (F9): moves travel on the call's data channel as `game` messages. Only the
 * call going on sends or hears them, and the mover is always that call's friend (from this PC's
 * contact list), never a field of the message. Main checks every move against the rules.
 */
import type { GameEnvelope } from '@hearth/common';
import type { GameMoveListener } from './call-service-types';
import type { Live } from './call-live';

export type CallGames = Readonly<{
  /** A move from the friend on `live`'s channel. */
  arrived: (live: Live, envelope: GameEnvelope) => void;
  send: (envelope: GameEnvelope) => boolean;
  listen: (listener: GameMoveListener) => () => void;
}>;

export function createCallGames(current: () => Live | null): CallGames {
  const listeners = new Set<GameMoveListener>();
  return Object.freeze({
    arrived(live: Live, envelope: GameEnvelope): void {
      // A call that is over (or one not answered yet) plays nothing.
      if (live !== current() || live.call.phase !== 'active') return;
      const move = { contactId: live.call.contact.contactId, callId: live.call.id, envelope };
      for (const l of [...listeners]) l(move);
    },
    send(envelope: GameEnvelope): boolean {
      const live = current();
      if (!live || live.call.phase !== 'active') return false;
      live.channel.send({ type: 'game', envelope });
      return true;
    },
    listen(listener: GameMoveListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
}
