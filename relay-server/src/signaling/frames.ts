import { Compile } from 'typebox/compile';
import {
  AnswerFrame,
  CandidateFrame,
  HeartbeatFrame,
  OfferFrame,
  SignalingQuery,
  type ClientFrame,
  type ClientFrameType,
  type ErrorCode,
} from '@hearth/common';

/** The `peer` server's own error sentences, which PeerJS shows as `server-error`. */
export const SignalingErrorMessage = {
  InvalidParameters: 'No id, token, or key supplied to websocket server',
  InvalidKey: 'Invalid key provided',
  InvalidToken: 'Invalid token provided',
} as const;

export const openFrame = (): string => '{"type":"OPEN"}';

export function errorFrame(msg: string, code: ErrorCode): string {
  return JSON.stringify({ type: 'ERROR', payload: { msg, code } });
}

/** "Could not reach that peer": what the sender of a refused or undeliverable frame is told. */
export function expireFrame(unreachablePeerId: string, toPeerId: string): string {
  return JSON.stringify({ type: 'EXPIRE', src: unreachablePeerId, dst: toPeerId });
}

/**
 * A validated frame as forwarded, with `src` (always the relay's idea of the sender) put in
 * front of the client's own JSON text. The frame schema is closed and has no `src`, so the
 * text is exactly the object that was checked, and re-serializing it would only cost time.
 */
export function relayedFrame(text: string, src: string): string {
  return `{"src":"${src}",${text.slice(text.indexOf('{') + 1)}`;
}

export type FrameValidators = Readonly<{
  query(value: unknown): value is SignalingQuery;
  /** The validator for a client frame type; undefined for types clients may not send. */
  frame(type: unknown): ((value: unknown) => value is ClientFrame) | undefined;
}>;

/** Compiles the signaling schemas from `common/` once per server. */
export function createFrameValidators(): FrameValidators {
  const query = Compile(SignalingQuery);
  const byType = new Map<string, (value: unknown) => value is ClientFrame>();
  for (const [type, schema] of [
    ['HEARTBEAT', HeartbeatFrame],
    ['OFFER', OfferFrame],
    ['ANSWER', AnswerFrame],
    ['CANDIDATE', CandidateFrame],
  ] as const satisfies ReadonlyArray<readonly [ClientFrameType, unknown]>) {
    const validator = Compile(schema);
    byType.set(type, (value): value is ClientFrame => validator.Check(value));
  }
  return {
    query: (value): value is SignalingQuery => query.Check(value),
    frame: (type) => (typeof type === 'string' ? byType.get(type) : undefined),
  };
}
