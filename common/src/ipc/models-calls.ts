import { Type, type Static } from 'typebox';
import { AvatarId } from '../schemas/accounts';
import { DisplayName, Timestamp, Token, Ulid, closed } from '../schemas/primitives';
import { IceConfig, PeerIdSchema } from '../schemas/signaling';
import { CALL_ICE_FIELDS } from '../schemas/realtime';

/**
 * What the renderer's PeerJS client needs to reach the relay's signaling socket as the active
 * profile: the relay-issued peer id and a short-lived signaling token (the only relay
 * credential the renderer ever holds), and where the socket is. Ask again before each reconnect.
 */
export const CallSession = Type.Object(
  {
    peerId: PeerIdSchema,
    /** Signaling token, valid until `expiresAt` (only for opening the socket). */
    token: Token,
    expiresAt: Timestamp,
    /** The relay's host name or address, port and scheme (never the PeerJS cloud). */
    host: Type.String({ minLength: 1, maxLength: 253 }),
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
    secure: Type.Boolean(),
    /** PeerJS's `path` and `key` options. */
    path: Type.String({ maxLength: 256 }),
    key: Type.String({ maxLength: 64 }),
    /** An unanswered call stops ringing and counts as missed after this long. Product default 30 s. */
    ringTimeoutMs: Type.Integer({ minimum: 1000, maximum: 120_000 }),
  },
  closed,
);
export type CallSession = Static<typeof CallSession>;

/**
 * ICE settings for the next call: the relay's STUN/TURN servers (TURN credentials expire at
 * `expiresAt`), and `relay` when calls must go through TURN only, either because the grown-ups
 * chose it on this PC (`relayOnlyCalls`) or because the relay says so. The same shape as the
 * relay's `GET /v1/ice` answer, so it is that schema (one copy: main passes it on, policy applied).
 */
export const CallIce = IceConfig;
export type CallIce = IceConfig;

/** Someone the active profile may call, or who is calling: always from this PC's own contact list. */
export const CallContact = Type.Object(
  {
    contactId: Ulid,
    peerId: PeerIdSchema,
    displayName: DisplayName,
    kind: Type.Union([Type.Literal('friend'), Type.Literal('family')]),
    /** The contact is a grown-up (a child's parent, in the family link). */
    grownUp: Type.Boolean(),
    /** The friend's parent, shown under the name so a child knows which Sam it is. */
    parentDisplayName: Type.Union([DisplayName, Type.Null()]),
    /** The friend's picture as the relay knows it (null for a grown-up or none). */
    avatar: Type.Union([AvatarId, Type.Null()]),
  },
  closed,
);
export type CallContact = Static<typeof CallContact>;

export const CallContactArgs = Type.Object({ contactId: Ulid }, closed);
export type CallContactArgs = Static<typeof CallContactArgs>;
export const IdentifyCallerArgs = Type.Object({ peerId: PeerIdSchema }, closed);
export type IdentifyCallerArgs = Static<typeof IdentifyCallerArgs>;
export const CallPresenceArgs = Type.Object({ inCall: Type.Boolean() }, closed);
export type CallPresenceArgs = Static<typeof CallPresenceArgs>;

/**
 * Since 0.5.0 (issue 18): an ICE restart's offer or answer for the call with `contactId`, through
 * the relay's `/v1/ws` (`call-ice`). To main: send it (NOT_FOUND unless an active, unblocked
 * contact; UNAVAILABLE when the relay does not pass these or the socket is down). From main (the
 * `callIce` event): a friend's, already checked against this profile's contacts.
 */
export const CallIceSignal = Type.Object({ contactId: Ulid, ...CALL_ICE_FIELDS }, closed);
export type CallIceSignal = Static<typeof CallIceSignal>;
