import { Type, type Static } from 'typebox';
import type { PeerId } from '../ids';
import { AccountIdSchema, Timestamp, Token, closed } from './primitives';

/**
 * The PeerJS signaling protocol as the relay speaks it (the `peer` server's frames), plus the
 * HTTP grants that open it. Frames from clients are closed objects: an unknown field is a bad
 * frame, never forwarded to the other child.
 */

/** Peer ids as PeerJS accepts them; the relay issues them, opaque and per account. */
export const PEER_ID_PATTERN = '^[A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*$';
export const PeerIdSchema = Type.Unsafe<PeerId>(Type.String({ minLength: 1, maxLength: 64, pattern: PEER_ID_PATTERN }));

/** PeerJS connection ids: `dc_…` for data, `mc_…` for media, chosen by the caller's client. */
export const ConnectionIdSchema = Type.String({ pattern: '^(?:dc|mc)_[A-Za-z0-9_-]{1,64}$' });

/** The query of `GET /peerjs` (a WebSocket upgrade), as peerjs@1.5 sends it. */
export const SignalingQuery = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 64 }),
    id: PeerIdSchema,
    token: Token,
    version: Type.Optional(Type.String({ maxLength: 32 })),
  },
  closed,
);
export type SignalingQuery = Static<typeof SignalingQuery>;

const ConnectionType = Type.Union([Type.Literal('data'), Type.Literal('media')]);

const SessionDescription = <T extends 'offer' | 'answer'>(type: T) =>
  Type.Object({ type: Type.Literal(type), sdp: Type.String({ maxLength: 64 * 1024 }) }, closed);

const Nullable = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));

export const IceCandidateInit = Type.Object(
  {
    candidate: Type.String({ maxLength: 1024 }),
    sdpMid: Nullable(Type.String({ maxLength: 64 })),
    sdpMLineIndex: Nullable(Type.Integer({ minimum: 0, maximum: 1024 })),
    usernameFragment: Nullable(Type.String({ maxLength: 256 })),
  },
  closed,
);

export const OfferPayload = Type.Object(
  {
    sdp: SessionDescription('offer'),
    type: ConnectionType,
    connectionId: ConnectionIdSchema,
    /** Whatever the caller's app attached (`peer.call(id, stream, { metadata })`). */
    metadata: Type.Optional(Type.Unknown()),
    label: Type.Optional(Type.String({ maxLength: 128 })),
    reliable: Type.Optional(Type.Boolean()),
    serialization: Type.Optional(Type.String({ maxLength: 32 })),
  },
  closed,
);
export type OfferPayload = Static<typeof OfferPayload>;

export const AnswerPayload = Type.Object(
  { sdp: SessionDescription('answer'), type: ConnectionType, connectionId: ConnectionIdSchema },
  closed,
);
export type AnswerPayload = Static<typeof AnswerPayload>;

export const CandidatePayload = Type.Object(
  { candidate: IceCandidateInit, type: ConnectionType, connectionId: ConnectionIdSchema },
  closed,
);
export type CandidatePayload = Static<typeof CandidatePayload>;

export const HeartbeatFrame = Type.Object({ type: Type.Literal('HEARTBEAT') }, closed);
export type HeartbeatFrame = Static<typeof HeartbeatFrame>;
export const OfferFrame = Type.Object({ type: Type.Literal('OFFER'), dst: PeerIdSchema, payload: OfferPayload }, closed);
export type OfferFrame = Static<typeof OfferFrame>;
export const AnswerFrame = Type.Object({ type: Type.Literal('ANSWER'), dst: PeerIdSchema, payload: AnswerPayload }, closed);
export type AnswerFrame = Static<typeof AnswerFrame>;
export const CandidateFrame = Type.Object(
  { type: Type.Literal('CANDIDATE'), dst: PeerIdSchema, payload: CandidatePayload },
  closed,
);
export type CandidateFrame = Static<typeof CandidateFrame>;

/** Frame types a client may send; the relay sets `src` itself on everything it forwards. */
export const CLIENT_FRAME_TYPES = ['HEARTBEAT', 'OFFER', 'ANSWER', 'CANDIDATE'] as const;
export type ClientFrameType = (typeof CLIENT_FRAME_TYPES)[number];
export type ClientFrame = HeartbeatFrame | OfferFrame | AnswerFrame | CandidateFrame;
/** A frame that is forwarded to another peer. */
export type RelayedFrame = OfferFrame | AnswerFrame | CandidateFrame;

/** What the relay sends. `ERROR` (bad credentials only) is followed by a close. */
export const ServerFrame = Type.Union([
  Type.Object({ type: Type.Literal('OPEN') }, closed),
  Type.Object(
    {
      type: Type.Literal('ERROR'),
      payload: Type.Object({ msg: Type.String(), code: Type.Optional(Type.String()) }, closed),
    },
    closed,
  ),
  Type.Object({ type: Type.Literal('EXPIRE'), src: PeerIdSchema, dst: PeerIdSchema }, closed),
  Type.Object({ type: Type.Literal('OFFER'), src: PeerIdSchema, dst: PeerIdSchema, payload: OfferPayload }, closed),
  Type.Object({ type: Type.Literal('ANSWER'), src: PeerIdSchema, dst: PeerIdSchema, payload: AnswerPayload }, closed),
  Type.Object({ type: Type.Literal('CANDIDATE'), src: PeerIdSchema, dst: PeerIdSchema, payload: CandidatePayload }, closed),
]);
export type ServerFrame = Static<typeof ServerFrame>;

/**
 * What `POST /v1/signaling/session` grants: the account's peer id and a short-lived token, plus
 * the `path` and `key` to give the PeerJS client (`new Peer(peerId, { path, key, token, … })`).
 */
export const SignalingGrant = Type.Object(
  {
    peerId: PeerIdSchema,
    token: Token,
    expiresAt: Timestamp,
    path: Type.String(),
    key: Type.String(),
  },
  closed,
);
export type SignalingGrant = Static<typeof SignalingGrant>;

export const IceServer = Type.Object(
  {
    urls: Type.Array(Type.String({ maxLength: 512 }), { minItems: 1 }),
    username: Type.Optional(Type.String()),
    credential: Type.Optional(Type.String()),
  },
  closed,
);
export type IceServer = Static<typeof IceServer>;

/**
 * What `GET /v1/ice` returns: the `RTCConfiguration` fields for the PeerJS `config` option.
 * `iceTransportPolicy: 'relay'` keeps a child's addresses from the other peer (TURN only).
 * `expiresAt` is when the TURN credentials stop working (null when there are none).
 */
export const IceConfig = Type.Object(
  {
    iceServers: Type.Array(IceServer),
    iceTransportPolicy: Type.Union([Type.Literal('all'), Type.Literal('relay')]),
    expiresAt: Type.Union([Timestamp, Type.Null()]),
  },
  closed,
);
export type IceConfig = Static<typeof IceConfig>;

/**
 * What `GET /v1/signaling/peers` returns: the peer id of every account the caller may call now
 * (its active friends, and a parent's own children), so a device can dial a friend and tell who
 * is calling. A friend the caller blocked is left out; the other side's block never shows.
 */
export const SignalingPeers = Type.Object(
  { peers: Type.Array(Type.Object({ accountId: AccountIdSchema, peerId: PeerIdSchema }, closed)) },
  closed,
);
export type SignalingPeers = Static<typeof SignalingPeers>;
