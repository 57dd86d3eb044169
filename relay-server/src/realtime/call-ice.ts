import { CALL_ICE_BURST, CALL_ICE_PER_MINUTE, ErrorCode, type WsCallIceFrame, type WsCallIceRelayedFrame } from '@hearth/common';
import type { Static } from 'typebox';
import type { QuietGate } from '../quiet/gate';
import { createTokenBuckets } from '../limits/token-buckets';
import type { Connection } from './connection';
import { errorFrame } from './error-frame';
import type { FriendGraph, SendVerdict } from './friend-graph';
import type { Logger } from './logger';

type CallIceFrame = Static<typeof WsCallIceFrame>;

export type CallIceDeps = Readonly<{
  graph: Pick<FriendGraph, 'cachedVerdict' | 'sendVerdict'>;
  quiet: Pick<QuietGate, 'keeps' | 'keepsNow'>;
  /** Passes a serialised frame to the account's sockets, here and on the other instances. */
  tell(accountId: string, frame: string): void;
  now: () => number;
  log: Logger;
}>;

export type CallIce = Readonly<{
  handle(conn: Connection, frame: CallIceFrame): void;
  /** Forgets the rate-limit buckets of accounts that stopped sending (`CALL_ICE_PER_MINUTE`, `CALL_ICE_BURST`). */
  prune(now: number): void;
}>;

/** What becomes of one frame: passed on, dropped without a word, or refused with an error. */
type Outcome = 'pass' | 'drop' | Readonly<{ code: ErrorCode; message: string }>;

const NOT_FRIENDS = Object.freeze({ code: ErrorCode.NotFriends, message: 'You can only call your friends and family.' });
const REFUSALS: Readonly<Partial<Record<SendVerdict, Outcome>>> = Object.freeze({
  refuse: NOT_FRIENDS,
  reconsent: {
    code: ErrorCode.ReconsentRequired,
    message: 'Ask your grown-up to look at something new. Until then you can talk to your grown-ups.',
  },
  suspended: { code: ErrorCode.AccountSuspended, message: 'For now you can talk only to your grown-ups.' },
});
const QUIET_HOURS = Object.freeze({ code: ErrorCode.QuietHours, message: "It's quiet time now. Calls can wait until it ends." });

/**
 * `call-ice` (issue 18): an ICE restart's offer or answer, passed from one account to a friend's
 * sockets through `/v1/ws` (children, and grown-ups in parent mode, who take calls too), never stored, never logged with its SDP. Every frame is checked
 * as a chat message is (the friendship as the sender sees it, then quiet time both ways), on this
 * frame's turn, so a block or a quiet start applies to the very next one. What the sender may not
 * learn is dropped without a word, as for a friend who is offline: a block by the other side
 * (`withhold`), a child held for its guardians' re-consent (`hold`), and the friend's own quiet
 * time. A socket's frames are checked and passed on in the order they came.
 */
export function createCallIce(deps: CallIceDeps): CallIce {
  const { graph, quiet, log } = deps;
  const buckets = createTokenBuckets({ perMinute: CALL_ICE_PER_MINUTE, burst: CALL_ICE_BURST });
  /** Each socket's frame still being checked: the next waits for it. */
  const tails = new WeakMap<Connection, Promise<void>>();

  async function outcomeOf(from: string, to: string): Promise<Outcome> {
    // Sending to oneself is refused as a stranger is (`sendVerdict` answers `refuse`).
    const verdict = graph.cachedVerdict(from, to) ?? (await graph.sendVerdict(from, to));
    if (verdict !== 'deliver') return REFUSALS[verdict] ?? 'drop';
    if (quiet.keepsNow(from, to) ?? (await quiet.keeps(from, to))) return QUIET_HOURS;
    if (quiet.keepsNow(to, from) ?? (await quiet.keeps(to, from))) return 'drop';
    return 'pass';
  }

  async function check(conn: Connection, frame: CallIceFrame): Promise<void> {
    const ids = { accountId: conn.accountId, to: frame.to, callId: frame.callId, attempt: frame.attempt };
    try {
      const outcome = await outcomeOf(conn.accountId, frame.to);
      if (outcome === 'drop') return;
      if (outcome !== 'pass') return conn.send(errorFrame(outcome.code, outcome.message));
      const relayed: WsCallIceRelayedFrame = {
        type: 'call-ice',
        from: conn.accountId,
        callId: frame.callId,
        role: frame.role,
        attempt: frame.attempt,
        sdp: frame.sdp,
      };
      // `type` first: the version gate reads it from the text to leave the frame out for apps before 0.5.0.
      deps.tell(frame.to, JSON.stringify(relayed));
    } catch (err) {
      log.error({ err, ...ids }, 'passing on a call-ice frame failed');
      conn.send(errorFrame(ErrorCode.Unavailable, 'The call could not be repaired just now.'));
    }
  }

  function handle(conn: Connection, frame: CallIceFrame): void {
    const wait = buckets.take(conn.accountId, deps.now());
    if (wait > 0) {
      conn.send(
        errorFrame(ErrorCode.RateLimited, 'The call is asking for repairs too often. Please wait a moment.', undefined, wait),
      );
      return;
    }
    const next = (tails.get(conn) ?? Promise.resolve()).then(() => check(conn, frame));
    tails.set(conn, next);
    void next.then(() => {
      if (tails.get(conn) === next) tails.delete(conn);
    });
  }

  return { handle, prune: (now) => buckets.prune(now) };
}
