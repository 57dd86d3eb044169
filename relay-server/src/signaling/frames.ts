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
  JSON_MAX_DEPTH,
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

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/** The keys of a JSON text: its colons outside strings (every key of every object has one). */
export function keysInText(text: string): number {
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === COLON) keys++;
  }
  return keys;
}

/**
 * The keys of a parsed JSON value, in all its objects; -1 where it nests deeper than
 * `JSON_MAX_DEPTH` (a frame's `metadata` is free-form: this walk, and serializing it again, must
 * never run out of stack on what the parse took).
 */
function keysIn(value: unknown, depth = 0): number {
  if (typeof value !== 'object' || value === null) return 0;
  if (depth >= JSON_MAX_DEPTH) return -1;
  let keys = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      const inner = keysIn(item, depth + 1);
      if (inner < 0) return -1;
      keys += inner;
    }
    return keys;
  }
  for (const key in value) {
    const inner = keysIn((value as Record<string, unknown>)[key], depth + 1);
    if (inner < 0) return -1;
    keys += 1 + inner;
  }
  return keys;
}

/**
 * The JSON text to forward for a frame checked after `JSON.parse(text)`: the client's own where
 * it has as many keys as what it parsed to, else the checked object serialized again; undefined
 * for a frame nested deeper than any PeerJS frame is (refused). A text can give a key twice; the
 * parse keeps the last, and the earlier one, never checked, must not reach the friend. Counting is
 * cheaper than serializing every frame again.
 */
export function checkedText(text: string, frame: ClientFrame): string | undefined {
  const keys = keysIn(frame);
  if (keys < 0) return undefined;
  return keysInText(text) === keys ? text : JSON.stringify(frame);
}

/**
 * A validated frame as forwarded, with `src` (always the relay's idea of the sender) put in
 * front of its checked JSON text ({@link checkedText}). The frame schema is closed and has no `src`.
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
