/**
 * A call whose media path broke (issue 18), as pure decisions of the call state machine. PeerJS
 * 1.5.5 cannot restart ICE on a live connection, so an answered call that loses its path goes
 * `reconnecting` ("Reconnecting…" for the child) and recovers on its own:
 * - the old path may come back by itself (a short Wi-Fi drop): `path-back`;
 * - otherwise the caller restarts ICE on the same connection through the relay's `/v1/ws`
 *   (`call-ice-restart.ts`; the first attempt only that, where it can be tried), and re-dials the
 *   same call (same call id) on fresh connections every few seconds; both sides reconnect their
 *   signaling now and then (after an address change it is dead);
 * - the callee takes a re-dial without ringing ONLY while it is itself `reconnecting` (so only a
 *   call the child accepted), from the same peer with the same call id (the call's key, which
 *   the service checks): anything else rings or is refused as before. Never a camera opened
 *   without the child's accept: the re-dial is answered with the media the call already has.
 * - after `RECONNECT_LIMIT_MS` without a path the call ends as `lost` on both sides.
 */
import type { CallEffect, CallEvent } from './call-events';
import type { Step } from './call-machine';
import type { CallMessage } from './call-protocol';
import type { Call } from './call-state';
import type { CallEndReason } from './call-types';

/** How long a call may be reconnecting before it is lost. */
export const RECONNECT_LIMIT_MS = 30_000;
/** The first recovery attempt, after the path is lost. */
export const REDIAL_FIRST_MS = 300;
/** Then one every this long (a re-dial still on its way is replaced). */
export const REDIAL_EVERY_MS = 2_500;
/** Every this many attempts (the first included) both sides also reconnect their signaling socket. */
export const SIGNALING_REFRESH_EVERY = 4;

export type ReconnectEvent = Extract<
  CallEvent,
  Readonly<{ type: 'path-lost' | 'path-back' | 'redial-due' | 'redial-offer' | 'reconnect-timeout' }>
>;

type End = (c: Call, reason: CallEndReason, now: number, farewell?: CallMessage) => Step;

const same = (call: Call): Step => ({ call, effects: [] });

/** Back to talking (the old path came back, or a re-dial brought the friend's media). */
export function recovered(c: Call): Step {
  if (c.phase !== 'reconnecting') return same(c);
  return { call: { ...c, phase: 'active', reconnectingSince: null }, effects: [{ type: 'reconnected' }] };
}

export function reconnectStep(c: Call, event: ReconnectEvent, now: number, end: End): Step {
  switch (event.type) {
    case 'path-lost':
      if (c.phase !== 'active') return same(c);
      return {
        call: { ...c, phase: 'reconnecting', reconnectingSince: now, redials: 0 },
        effects: [
          { type: 'arm-reconnect', ms: RECONNECT_LIMIT_MS },
          { type: 'arm-redial', ms: REDIAL_FIRST_MS },
        ],
      };
    case 'path-back':
      return recovered(c);
    case 'redial-due': {
      if (c.phase !== 'reconnecting') return same(c);
      // The restart and the re-dial leave first, on the sockets we have; then (now and then) a fresh
      // signaling socket. The first attempt is a restart alone (a re-dial where it cannot be tried).
      const first = c.redials === 0;
      const effects: CallEffect[] =
        c.direction === 'out' ? [{ type: 'ice-restart', fallback: first }, ...(first ? [] : [{ type: 'redial' } as const])] : [];
      if (c.redials % SIGNALING_REFRESH_EVERY === 0) effects.push({ type: 'refresh-signaling' });
      effects.push({ type: 'arm-redial', ms: REDIAL_EVERY_MS });
      return { call: { ...c, redials: c.redials + 1 }, effects };
    }
    case 'redial-offer':
      // Only the call the child accepted, while it is reconnecting: else the re-dial is refused.
      if (c.direction !== 'in' || c.phase !== 'reconnecting' || !c.answered) return same(c);
      return { call: c, effects: [{ type: 'take-redial' }] };
    case 'reconnect-timeout':
      return c.phase === 'reconnecting' ? end(c, 'lost', now, { type: 'hangup' }) : same(c);
    default: {
      const never: never = event;
      return same(never);
    }
  }
}
