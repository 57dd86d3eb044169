/**
 * What two Hearth apps say to each other during a call, beside the media: the metadata of the
 * PeerJS offers, and small messages on the call's data channel. Everything from the other side
 * is checked here before the call service looks at it.
 */
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { canonicalJson, GAME_ENVELOPE_MAX_CHARS, GameEnvelope, nestsAtMost } from '@hearth/common';

/** Version of this little protocol, sent with every call. */
export const CALL_PROTOCOL_VERSION = 1;

/** The data channel's label: tells a call's control channel from any other data connection. */
export const CALL_CHANNEL_LABEL = 'hearth-call';

const closed = { additionalProperties: false } as const;
const CallId = Type.String({ pattern: '^[A-Za-z0-9]{8,64}$' });

/**
 * Metadata of the media offer and of the control channel's offer. The caller's name never comes
 * from here: the callee takes it from its own contact list. `avatar` is the caller's bundled
 * picture id, only ever used to pick one of the app's own pictures.
 */
export const CallMetadata = Type.Object(
  {
    v: Type.Literal(CALL_PROTOCOL_VERSION),
    callId: CallId,
    video: Type.Boolean(),
    avatar: Type.Union([Type.String({ pattern: '^[a-z0-9-]{1,32}$' }), Type.Null()]),
    /**
     * Only on a control channel offered again (issue 18): the caller's channel for the call's
     * media of this pair (`pairOf`) never opened, and this one replaces it.
     */
    channelFor: Type.Optional(Type.String({ pattern: '^[0-9a-f]{32}$' })),
  },
  closed,
);
export type CallMetadata = Static<typeof CallMetadata>;

/**
 * Control messages. Callee → caller: `accept`, `decline`, `busy`. Caller → callee: `cancel`
 * (gave up before an answer; `timeout` when nobody answered in time). Both ways: `hangup`, and
 * `media` (mute and camera state, so the other side can show it).
 */
export const CallMessage = Type.Union([
  Type.Object({ type: Type.Literal('accept') }, closed),
  Type.Object({ type: Type.Literal('decline') }, closed),
  Type.Object({ type: Type.Literal('busy') }, closed),
  Type.Object({ type: Type.Literal('cancel'), reason: Type.Union([Type.Literal('timeout'), Type.Literal('hangup')]) }, closed),
  Type.Object({ type: Type.Literal('hangup') }, closed),
  Type.Object({ type: Type.Literal('media'), muted: Type.Boolean(), cameraOff: Type.Boolean() }, closed),
  /** Issue 18: our video is paused for a slow line (`voiceOnly`), and the line looks poor (`call-quality.ts`). */
  Type.Object({ type: Type.Literal('quality'), voiceOnly: Type.Boolean(), poor: Type.Boolean() }, closed),
]);
export type CallMessage = Static<typeof CallMessage>;

/**
 * A game move played live in the call (F9): one envelope, exactly as main built it for the relay.
 * The mover is the data channel's peer (the friend in the call), never a field; main checks the
 * envelope against the rules like one from the relay.
 */
export const CallGameMessage = Type.Object({ type: Type.Literal('game'), envelope: GameEnvelope }, closed);
export type CallGameMessage = Static<typeof CallGameMessage>;

/** What travels on a call's data channel: control messages and game moves. */
export type ChannelMessage = CallMessage | CallGameMessage;

/** A game message within the envelope's size limit, or null for anything else (ignored). */
export function parseCallGameMessage(value: unknown): CallGameMessage | null {
  if (!Value.Check(CallGameMessage, value)) return null;
  try {
    return nestsAtMost(value.envelope) && canonicalJson(value.envelope).length <= GAME_ENVELOPE_MAX_CHARS ? value : null;
  } catch {
    return null; // a value JSON cannot hold (the channel's binary packing can carry more than JSON)
  }
}

/** The metadata of an offer, or null when it is not a Hearth call's. */
export function parseCallMetadata(value: unknown): CallMetadata | null {
  return Value.Check(CallMetadata, value) ? value : null;
}

/** A control message, or null for anything else (ignored). */
export function parseCallMessage(value: unknown): CallMessage | null {
  return Value.Check(CallMessage, value) ? value : null;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID for the call log (main's log ids are ULIDs): 48 bits of time, then 80 random bits. */
export function newCallLogId(time: number): string {
  let head = '';
  let t = Math.max(0, Math.floor(time));
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD[t % 32]! + head;
    t = Math.floor(t / 32);
  }
  const random = crypto.getRandomValues(new Uint8Array(16));
  return head + Array.from(random, (b) => CROCKFORD[b % 32]!).join('');
}

/** A fresh call id: 128 random bits as hex. */
export function newCallId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The PeerJS connection ids of one offer of a call (the first, or a re-dial): its media and its
 * control channel share a random suffix (`mc_<pair>`, `dc_<pair>`, as PeerJS and the relay's
 * signaling schema spell them), so the callee knows which control channel goes with the media it
 * took, whatever order the two offers arrive in.
 */
export function newConnectionPair(): Readonly<{ media: string; data: string }> {
  const pair = newCallId();
  return { media: `mc_${pair}`, data: `dc_${pair}` };
}

/** The pair an offer's connection id belongs to (null for ids not made by `newConnectionPair`). */
export function pairOf(connectionId: string | undefined): string | null {
  const m = /^(?:mc|dc)_([0-9a-f]{32})$/.exec(connectionId ?? '');
  return m ? m[1]! : null;
}
