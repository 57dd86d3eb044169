/**
 * The relay's realtime protocol: one WebSocket per device session at `GET /v1/ws`.
 *
 * ## Connecting and authenticating
 * Either way works; the token is never put in the URL (URLs end up in logs):
 * - **Header** (the desktop main process, Node clients): `Authorization: Bearer <token>` on the
 *   upgrade request. A present but dead token is refused with HTTP 401 before the upgrade.
 * - **`hello` frame** (browsers, which cannot set headers): connect without the header and send
 *   `{"type":"hello","token":"…"}` as the very first frame, within 5 seconds.
 *
 * The token is a child's device credential (`dc_…`) or a parent session (`ps_…`). The relay answers
 * a good one with `welcome`; a bad one with an `error` frame (`UNAUTHENTICATED`) and close 4401.
 * One socket per device session: a second socket with the same credential replaces the first
 * (close 4409). A credential revoked by a parent, or an expired parent session, closes its
 * sockets at once (close 4401).
 *
 * ## Frames
 * Every frame is a JSON text frame with a `type`. Client → server: {@link WsClientFrame}; server →
 * client: {@link WsServerFrame}. A frame that is not JSON or not valid for its type is answered
 * with `error` (`MALFORMED_REQUEST` or `VALIDATION_FAILED`, `PAYLOAD_TOO_LARGE` for content
 * over a size limit); the tenth such frame on one socket closes it (close 4400). Binary frames
 * count as bad frames, and so do frames past the flood limit (a burst of 20,000, then 20,000 a
 * second; answered `RATE_LIMITED`). Frames larger than 256 KiB close the socket (1009).
 *
 * ## Messages (at-least-once on the wire, exactly-once in the history)
 * 1. The sender makes a ULID for each message and sends `send`. The relay checks the friendship,
 *    writes the message durably, then answers `sent` with the same id. Until `sent` arrives
 *    the client keeps the message and re-sends it (same id) after reconnecting: the relay never
 *    stores a second copy, and answers `sent` again. Refusals come as `error` with `ref` = the id.
 * 2. Delivery is per device (a child's device credential, or a parent-mode PC registered with
 *    `POST /v1/parent-devices`): the relay keeps one queue per device and pushes `message` to each
 *    device's socket, in the order the relay stored them. The device stores the message, then
 *    sends `received` with its id; the message leaves that device's queue. The first device's
 *    `received` is delivery: the sender (if online) gets `delivered`, and the message no longer
 *    expires for the sender; the other devices still get it. A device may see a message twice
 *    after a reconnect and must dedupe by id. What an account sends from one device is also
 *    pushed to its other devices, with `outgoing: true` (store it as sent by this account). While
 *    an account has no device at all, its messages wait in an account queue that goes to its
 *    first device; a device added later gets no backlog. A parent session that is no device (the
 *    family PC's grown-ups' pane) is pushed no messages and acknowledges none; its `read` of a
 *    message counts as delivery.
 * 3. A message no device received within the relay's message lifetime (default 15 days) expires;
 *    the sender gets `expired` (now if online, else when it next connects) until it answers
 *    `ack-expired`. A delivered message leaves every device's queue at that time too.
 * 4. A message to someone who is not an active friend is refused with `NOT_FRIENDS`.
 * 5. The sender may take a message back with `unsend` within {@link UNSEND_WINDOW_MS} of `sent`,
 *    while no device of the recipient received it (nor a pane read it): the relay deletes it
 *    from every device queue and answers `unsend-result` (`ok`, or a `code`:
 *    `ALREADY_DELIVERED`, `TOO_LATE`, or `NOT_FOUND` for an id that is unknown, forgotten or
 *    someone else's: a stranger learns nothing). The sender's other sockets, and the
 *    recipient's sockets that were pushed it, get `unsent` with the id: hide it.
 *
 * ## Presence and friendship events
 * `presence` frames go only to active friends (a parent and their own child are always
 * friends). On connect, `welcome` lists the friends online now; later changes come as
 * `presence`. When a friendship stops being active, each side sees the other go `offline` and
 * hears nothing more about them. `friendship` frames carry a friendship as the receiving
 * account sees it (the same view as `GET /v1/friendships`), pushed to both children and both
 * parents when a request is made, confirmed, approved, declined, removed or blocked.
 *
 * ## Keep-alive
 * The relay pings every 30 s and drops sockets that do not answer. Browser clients may also send
 * `ping` (answered with `pong`).
 *
 * Close codes: 4400 too many bad frames, 4401 unauthenticated or credential revoked,
 * 4408 no `hello` in time, 4409 replaced by a newer socket of the same session, 4426 the app is
 * too old (APP_TOO_OLD), 1001 relay shutting down.
 *
 * ## Versions
 * The app says its version in the `Hearth-App-Version` header of the upgrade (or `appVersion` in
 * `hello`). An app older than the relay's minimum is refused with APP_TOO_OLD (HTTP 426 before
 * the upgrade, or an error frame and close 4426 after it); a socket that announces no version, or
 * one that does not parse, counts as older than the minimum (the error frame and close 4426). The
 * relay sends a socket only the frame types, message kinds and error codes its version reads
 * (`FIRST_READ_IN` in common/src/compat/versions.ts); a message of a kind it does not read stays
 * queued for a newer app.
 */
import { Type, type Static } from 'typebox';
import { WsQuietFrame } from './quiet';
import { WsReconsentFrame } from './reconsent';
import { WsSuspensionFrame } from './moderation';
import { WsGamesFrame } from './games';
import { ErrorCodeSchema, Timestamp, Token, Ulid, closed } from './primitives';
import { FriendshipView } from './friendships';
import { Notice } from './family';
import { MessageContent } from './message-content';
import { APP_VERSION_PATTERN } from '../compat/versions';

export * from './message-content';

/** Close codes the relay uses on `/v1/ws`. */
export const WsCloseCode = Object.freeze({
  GoingAway: 1001,
  TooManyBadFrames: 4400,
  Unauthenticated: 4401,
  HelloTimeout: 4408,
  Replaced: 4409,
  /** The app is older than the oldest version the relay serves (after an APP_TOO_OLD error frame). */
  AppTooOld: 4426,
});

/** How long the relay waits for `hello` when the upgrade carried no Authorization header. */
export const HELLO_TIMEOUT_MS = 5_000;
/** Bad frames tolerated on one socket; the next one closes it. */
export const BAD_FRAMES_BEFORE_CLOSE = 9;
/** How long after the relay stored a message its sender may still `unsend` it (if not delivered yet). */
export const UNSEND_WINDOW_MS = 2 * 60_000;
/** Most ids in one `received` or `ack-expired` frame. */
export const MAX_IDS_PER_FRAME = 256;

/** A state a device reports about itself. */
export const WsSelfPresenceState = Type.Union([Type.Literal('online'), Type.Literal('away'), Type.Literal('in-call')]);
export type WsSelfPresenceState = Static<typeof WsSelfPresenceState>;
/** A friend's state as the relay reports it: the busiest of their devices, or offline. */
export const WsPresenceState = Type.Union([WsSelfPresenceState, Type.Literal('offline')]);
export type WsPresenceState = Static<typeof WsPresenceState>;

const IdList = Type.Array(Ulid, { minItems: 1, maxItems: MAX_IDS_PER_FRAME });

// ---- client → server ----

/**
 * First frame of a socket that connected without an Authorization header. `appVersion` is the
 * app's version, for clients that cannot set the `Hearth-App-Version` header; a socket that
 * announces no version in either place counts as older than the minimum (APP_TOO_OLD, close 4426).
 */
export const WsHelloFrame = Type.Object(
  { type: Type.Literal('hello'), token: Token, appVersion: Type.Optional(Type.String({ pattern: APP_VERSION_PATTERN })) },
  closed,
);
/** This device's presence. Sent on change; the relay starts each socket as `online`. */
export const WsPresenceUpdateFrame = Type.Object({ type: Type.Literal('presence'), state: WsSelfPresenceState }, closed);
/** Send a message. `id` is a ULID made by the sender and reused on every re-send. */
export const WsSendFrame = Type.Object({ type: Type.Literal('send'), id: Ulid, to: Ulid, content: MessageContent }, closed);
/** This device stored these messages (or outgoing copies): they leave its queue. Unknown ids are ignored. */
export const WsReceivedFrame = Type.Object({ type: Type.Literal('received'), ids: IdList }, closed);
/** The account showed these messages where it is no device (a grown-up's pane): they count as delivered. */
export const WsReadFrame = Type.Object({ type: Type.Literal('read'), ids: IdList }, closed);
/** The sender has shown these `expired` notices: the relay stops repeating them. */
export const WsAckExpiredFrame = Type.Object({ type: Type.Literal('ack-expired'), ids: IdList }, closed);
/** Take back a message this account sent (see "Messages", 5). */
export const WsUnsendFrame = Type.Object({ type: Type.Literal('unsend'), id: Ulid }, closed);
/** Application-level keep-alive for clients that cannot send WebSocket pings. */
export const WsPingFrame = Type.Object({ type: Type.Literal('ping') }, closed);

/** The longest session description a `call-ice` frame carries. */
export const CALL_ICE_SDP_MAX_CHARS = 16_384;
/** `call-ice` frames one account may send per minute (a burst of {@link CALL_ICE_BURST}). */
export const CALL_ICE_PER_MINUTE = 60;
export const CALL_ICE_BURST = 12;
/** What a `call-ice` frame carries besides its ends: an ICE restart's offer or answer. */
export const CALL_ICE_FIELDS = {
  /** The call's own id (the one in its PeerJS metadata). */
  callId: Type.String({ pattern: '^[A-Za-z0-9]{8,64}$' }),
  role: Type.Union([Type.Literal('offer'), Type.Literal('answer')]),
  /** The restart this belongs to, counted by the caller from 1: an answer names the offer's. */
  attempt: Type.Integer({ minimum: 1, maximum: 10_000 }),
  sdp: Type.String({ minLength: 1, maxLength: CALL_ICE_SDP_MAX_CHARS }),
};
/**
 * Since 0.5.0 (issue 18), relays listing the `call-ice` feature: an ICE restart of a call in
 * progress, to a friend (or family). The relay checks each frame as a chat message: a stranger
 * gets `error` NOT_FRIENDS (also RECONSENT_REQUIRED, ACCOUNT_SUSPENDED), the sender's own quiet
 * time QUIET_HOURS; a block by the friend or the friend's quiet time drops it without a word (as
 * for a friend offline). At most {@link CALL_ICE_PER_MINUTE} a minute; never stored.
 */
export const WsCallIceFrame = Type.Object({ type: Type.Literal('call-ice'), to: Ulid, ...CALL_ICE_FIELDS }, closed);
export type WsCallIceFrame = Static<typeof WsCallIceFrame>;

/** Each client frame type's schema, for precise validation errors. */
export const WsClientFrameSchemas = Object.freeze({
  hello: WsHelloFrame,
  presence: WsPresenceUpdateFrame,
  send: WsSendFrame,
  received: WsReceivedFrame,
  read: WsReadFrame,
  'ack-expired': WsAckExpiredFrame,
  unsend: WsUnsendFrame,
  ping: WsPingFrame,
  'call-ice': WsCallIceFrame,
});
export const WsClientFrame = Type.Union([
  WsHelloFrame,
  WsPresenceUpdateFrame,
  WsSendFrame,
  WsReceivedFrame,
  WsReadFrame,
  WsAckExpiredFrame,
  WsUnsendFrame,
  WsPingFrame,
  WsCallIceFrame,
]);
export type WsClientFrame = Static<typeof WsClientFrame>;
export type WsClientFrameType = WsClientFrame['type'];

// ---- server → client ----

export const WsPresenceEntry = Type.Object({ accountId: Ulid, state: WsPresenceState }, closed);
export type WsPresenceEntry = Static<typeof WsPresenceEntry>;

/** Limits the client should apply before sending. */
export const RealtimeLimits = Type.Object(
  {
    attachmentMaxBytes: Type.Integer({ minimum: 1 }),
    messageTtlMs: Type.Integer({ minimum: 1 }),
    messagesPerMinute: Type.Integer({ minimum: 1 }),
  },
  closed,
);

/** The socket is authenticated. `presence` lists the active friends online now (never offline ones). */
export const WsWelcomeFrame = Type.Object(
  {
    type: Type.Literal('welcome'),
    accountId: Ulid,
    accountKind: Type.Union([Type.Literal('child'), Type.Literal('parent')]),
    presence: Type.Array(WsPresenceEntry),
    limits: RealtimeLimits,
  },
  closed,
);
/** An active friend's presence changed. */
export const WsPresenceFrame = Type.Object({ type: Type.Literal('presence'), accountId: Ulid, state: WsPresenceState }, closed);
/** A friendship or request changed, as this account sees it. */
export const WsFriendshipFrame = Type.Object({ type: Type.Literal('friendship'), friendship: FriendshipView }, closed);
/** The message with this id is stored durably on the relay (also the answer to a re-send). */
export const WsSentFrame = Type.Object({ type: Type.Literal('sent'), id: Ulid, at: Timestamp }, closed);
/**
 * A message for this account. `sentAt` is when the relay stored it. `outgoing`: a copy of a
 * message this account sent from another device or session (`from` is this account).
 */
export const RelayedMessage = Type.Object(
  {
    id: Ulid,
    from: Ulid,
    to: Ulid,
    sentAt: Timestamp,
    content: MessageContent,
    outgoing: Type.Optional(Type.Literal(true)),
  },
  closed,
);
export type RelayedMessage = Static<typeof RelayedMessage>;
export const WsMessageFrame = Type.Object({ type: Type.Literal('message'), message: RelayedMessage }, closed);
/** A device of the recipient received these messages of yours, or its pane read them (best effort: sent only if you are online then). */
export const WsDeliveredFrame = Type.Object({ type: Type.Literal('delivered'), ids: IdList }, closed);
/** These messages of yours were never received and have expired. Answer with `ack-expired`. */
export const WsExpiredFrame = Type.Object({ type: Type.Literal('expired'), ids: IdList }, closed);
/** A refusal. `ref` names the message id it is about, when there is one. */
export const WsErrorFrame = Type.Object(
  {
    type: Type.Literal('error'),
    code: ErrorCodeSchema,
    message: Type.String(),
    ref: Type.Optional(Ulid),
    retryAfterMs: Type.Optional(Type.Integer({ minimum: 0 })),
    /** Since 0.3.0, with `DEVICE_REVOKED` only: erase this child's data on the PC. */
    wipe: Type.Optional(Type.Boolean()),
  },
  closed,
);
export const WsPongFrame = Type.Object({ type: Type.Literal('pong') }, closed);
/** Why an `unsend` was refused: stable codes the app shows in words. */
export const UnsendRefusal = Type.Union([
  /** A device of the recipient has it (or their pane read it). */
  Type.Literal('ALREADY_DELIVERED'),
  /** More than {@link UNSEND_WINDOW_MS} since the relay stored it. */
  Type.Literal('TOO_LATE'),
  /** No such message of yours (unknown, long gone, or someone else's). */
  Type.Literal('NOT_FOUND'),
]);
export type UnsendRefusal = Static<typeof UnsendRefusal>;
/** The answer to your `unsend`: taken back (`ok`), or refused with a `code`. */
export const WsUnsendResultFrame = Type.Union([
  Type.Object({ type: Type.Literal('unsend-result'), id: Ulid, ok: Type.Literal(true) }, closed),
  Type.Object({ type: Type.Literal('unsend-result'), id: Ulid, ok: Type.Literal(false), code: UnsendRefusal }, closed),
]);
/** This message was taken back by its sender: hide it (nothing happens if you do not have it). */
export const WsUnsentFrame = Type.Object({ type: Type.Literal('unsent'), id: Ulid }, closed);

/** Since 0.2.0: to every guardian of a child (their parent-mode PCs and panes), what happened in the family at once. */
export const WsNoticeFrame = Type.Object({ type: Type.Literal('notice'), notice: Notice }, closed);

/**
 * Since 0.5.0: a friend's `call-ice` (`from` is the friend), to each of this account's sockets;
 * the app that holds the call takes it, every other drops it.
 */
export const WsCallIceRelayedFrame = Type.Object({ type: Type.Literal('call-ice'), from: Ulid, ...CALL_ICE_FIELDS }, closed);
export type WsCallIceRelayedFrame = Static<typeof WsCallIceRelayedFrame>;

export const WsServerFrame = Type.Union([
  WsWelcomeFrame,
  WsPresenceFrame,
  WsFriendshipFrame,
  WsSentFrame,
  WsMessageFrame,
  WsDeliveredFrame,
  WsExpiredFrame,
  WsErrorFrame,
  WsPongFrame,
  WsUnsendResultFrame,
  WsUnsentFrame,
  WsNoticeFrame,
  WsQuietFrame,
  WsReconsentFrame,
  WsSuspensionFrame,
  WsGamesFrame,
  WsCallIceRelayedFrame,
]);
export type WsServerFrame = Static<typeof WsServerFrame>;
export type WsServerFrameType = WsServerFrame['type'];
