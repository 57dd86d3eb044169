import { ErrorCode, type WsClientFrame, type WsClientFrameType } from '@hearth/common';
import type { MessageService } from '../messaging/message-service';
import type { Connection } from './connection';
import { errorFrame } from './error-frame';
import type { Presence } from './presence';
import type { TokenBuckets } from '../limits/token-buckets';

/** One handler per client frame type (hello is handled before a connection exists). */
export type FrameHandlers = {
  [K in Exclude<WsClientFrameType, 'hello'>]: (conn: Connection, frame: Extract<WsClientFrame, { type: K }>) => void;
};

export type FrameHandlerDeps = Readonly<{
  presence: Presence;
  messages: MessageService;
  /** Presence changes per account, so a flapping client cannot flood its friends. */
  presenceBuckets: TokenBuckets;
  now: () => number;
  /** A friend's ICE restart to pass on (`call-ice.ts`). */
  callIce: FrameHandlers['call-ice'];
}>;

export function createFrameHandlers(deps: FrameHandlerDeps): FrameHandlers {
  const { presence, messages } = deps;
  return {
    presence(conn, frame) {
      if (frame.state === conn.presence) return;
      const wait = deps.presenceBuckets.take(conn.accountId, deps.now());
      if (wait > 0) {
        conn.send(errorFrame(ErrorCode.RateLimited, 'Presence is changing too often.', undefined, wait));
        return;
      }
      const before = presence.stateOf(conn.accountId);
      conn.presence = frame.state;
      void presence.announce(conn.accountId, before);
    },
    send: (conn, frame) => messages.send(conn, frame),
    received: (conn, frame) => messages.received(conn, frame),
    read: (conn, frame) => messages.read(conn, frame),
    'ack-expired': (conn, frame) => messages.ackExpired(conn, frame),
    unsend: (conn, frame) => messages.unsend(conn, frame),
    ping: (conn) => conn.send({ type: 'pong' }),
    'call-ice': (conn, frame) => deps.callIce(conn, frame),
  };
}
