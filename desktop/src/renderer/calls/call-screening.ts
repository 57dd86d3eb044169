/**
 * Screening of arriving calls: every offer that is not part of the current call waits here
 * while main says whether its peer id is an active, unblocked contact of this child. A refused
 * caller's connections are closed without a word (never a ring, never an answer); a friend who
 * calls during another call is answered `busy`; otherwise the call is handed over to ring. A call
 * that crossed ours (both children called each other at once) may be dropped without a word: the
 * other side then takes ours.
 */
import type { CallContact, HearthApi, PeerId } from '@hearth/common';
import type { DataConnection, MediaConnection } from 'peerjs';
import { CLOSE_DELAY_MS } from './call-channel';
import { traceCall } from './call-trace';
import type { CallMessage, CallMetadata } from './call-protocol';

/** A call's two connections, as far as they have arrived. */
export type Arrival = {
  readonly key: string;
  readonly peerId: PeerId;
  readonly meta: CallMetadata;
  media: MediaConnection | null;
  data: DataConnection | null;
};

export type ScreeningDeps = Readonly<{
  identify: HearthApi['identifyCaller'];
  /**
   * Takes a friend's call to ring (`taken`); `busy` when another call is going on; `dropped` when
   * it crossed our own call to the same friend and ours goes on (closed without a word or a log).
   */
  take: (arrival: Arrival, contact: CallContact) => 'taken' | 'busy' | 'dropped';
  /** A friend called while we were busy (for the log). */
  onBusy: (arrival: Arrival, contact: CallContact) => void;
  sendOn: (data: DataConnection, message: CallMessage) => void;
  /** How long a refused or busy call's late connections are still recognised. Default 15 s. */
  memoryMs?: number;
  /** Lets the `busy` message leave before its channel closes. Default `CLOSE_DELAY_MS`. */
  closeDelayMs?: number;
}>;

export type Screening = Readonly<{
  /** An offer that is not part of the current call (its metadata already checked). */
  add: (conn: MediaConnection | DataConnection, kind: 'media' | 'data', meta: CallMetadata) => void;
  /** Closes everything still waiting. */
  clear: () => void;
}>;

type Entry = Arrival & { verdict: 'pending' | 'refused' | 'busy' | 'dropped'; timer: ReturnType<typeof setTimeout> };

export function createScreening(deps: ScreeningDeps): Screening {
  const memoryMs = deps.memoryMs ?? 15_000;
  const closeDelayMs = deps.closeDelayMs ?? CLOSE_DELAY_MS;
  const entries = new Map<string, Entry>();

  const forget = (key: string): void => {
    const entry = entries.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    entries.delete(key);
    entry.media?.close();
    entry.data?.close();
  };

  /**
   * Applies a refused, busy or dropped verdict to whatever has arrived so far. A dropped crossed
   * call's control channel stays open until the friend lets go of it, or until it is forgotten:
   * closing it at once could end the friend's call (their side sees its channel close while it is
   * still "calling") before their side has seen our offer and taken our call, and then our call
   * would ring there instead of connecting (calls set up quickly made that race likely, issue 18).
   */
  const settle = (entry: Entry): void => {
    if (entry.verdict === 'pending') return;
    entry.media?.close();
    if (entry.verdict === 'dropped') return;
    if (entry.verdict === 'busy' && entry.data) {
      const data = entry.data;
      deps.sendOn(data, { type: 'busy' });
      setTimeout(() => data.close(), closeDelayMs);
    } else entry.data?.close();
  };

  const decide = async (entry: Entry): Promise<void> => {
    const who = await deps.identify({ peerId: entry.peerId });
    traceCall('screened');
    if (entries.get(entry.key) !== entry) return;
    if (!who.ok) {
      entry.verdict = 'refused';
      settle(entry);
      return;
    }
    const taken = deps.take(entry, who.value);
    if (taken === 'taken') {
      clearTimeout(entry.timer);
      entries.delete(entry.key);
      return;
    }
    if (taken === 'dropped') {
      entry.verdict = 'dropped';
      settle(entry);
      return;
    }
    entry.verdict = 'busy';
    settle(entry);
    deps.onBusy(entry, who.value);
  };

  return Object.freeze({
    add(conn: MediaConnection | DataConnection, kind: 'media' | 'data', meta: CallMetadata): void {
      const key = `${conn.peer} ${meta.callId}`;
      const known = entries.get(key);
      if (known) {
        if (kind === 'media' && !known.media) known.media = conn as MediaConnection;
        else if (kind === 'data' && !known.data) known.data = conn as DataConnection;
        else conn.close();
        settle(known);
        return;
      }
      const entry: Entry = {
        key,
        // PeerJS's word for who is calling; main checks it against the contacts before anything rings.
        peerId: conn.peer as PeerId,
        meta,
        media: kind === 'media' ? (conn as MediaConnection) : null,
        data: kind === 'data' ? (conn as DataConnection) : null,
        verdict: 'pending',
        timer: setTimeout(() => forget(key), memoryMs),
      };
      entries.set(key, entry);
      void decide(entry);
    },
    clear(): void {
      for (const key of [...entries.keys()]) forget(key);
    },
  });
}
