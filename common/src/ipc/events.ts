import { Type, type Static, type TSchema } from 'typebox';
import { Ulid, closed } from '../schemas/primitives';
import { Sha256Hex } from '../schemas/message-content';
import { CurrentProfile, LockStatus } from './models-app';
import { MessageState, MessageView, PresenceState } from './models-chat';
import { VersionStatus } from './channels-versions';
import { UnsendRefusal } from '../schemas/realtime';
import { Notice } from '../schemas/family';
import { GrownUpAttention, SystemNotification } from './channels-attention';
import { QuietStatus } from '../schemas/quiet';
import { ExportProgress } from './channels-export';
import { MySuspension } from './channels-report-grownups';
import { GamesAvailability, MatchView } from './channels-games';
import { CallIceSignal } from './models-calls';

/** Relay connection of one child profile, as the UI shows it. */
export const ConnectionState = Type.Union([Type.Literal('connecting'), Type.Literal('online'), Type.Literal('offline')]);
export type ConnectionState = Static<typeof ConnectionState>;

/**
 * Events main pushes to the renderer. Events about a child reach the renderer only while that
 * child's profile is active, so one child never sees another's messages or friends.
 */
export const HEARTH_EVENTS = {
  lockChanged: LockStatus,
  profileChanged: CurrentProfile,
  presence: Type.Object({ contactId: Ulid, presence: PresenceState }, closed),
  message: MessageView,
  messageState: Type.Object({ messageId: Ulid, contactId: Ulid, state: MessageState }, closed),
  /** A message left this child's store: deleted here, or taken back by its sender. */
  messageRemoved: Type.Object(
    { messageId: Ulid, contactId: Ulid, reason: Type.Union([Type.Literal('deleted'), Type.Literal('unsent')]) },
    closed,
  ),
  /** The relay refused to take back this message (it stays). */
  unsendRefused: Type.Object({ messageId: Ulid, contactId: Ulid, code: UnsendRefusal }, closed),
  friendsChanged: Type.Object({}, closed),
  /** An attachment of the active profile is going up to the relay: `sent` of `total` bytes. */
  attachmentProgress: Type.Object(
    { hash: Sha256Hex, sent: Type.Integer({ minimum: 0 }), total: Type.Integer({ minimum: 0 }) },
    closed,
  ),
  connection: Type.Object({ state: ConnectionState, retryAt: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]) }, closed),
  /** The relay refused this app as too old, served it again, or said what it offers. */
  versionStatus: VersionStatus,
  /** Since 0.2.0, in parent mode: something happened in the grown-up's family (a `notice` frame). */
  notice: Type.Object({ notice: Notice }, closed),
  /** Since 0.3.0: how many things wait for a grown-up on this PC changed (a count only). */
  attentionChanged: GrownUpAttention,
  /** Since 0.3.0, web host only: a system notification for the page to show (names only). */
  systemNotification: SystemNotification,
  /** Since 0.3.0: the active child's quiet time changed (the relay's `quiet` frame), durations from now. */
  quiet: Type.Object({ status: Type.Union([QuietStatus, Type.Null()]) }, closed),
  /**
   * Since 0.3.0, to parent mode (a child I am a guardian of) and to the grown-ups' pane while it is
   * unlocked (a child on this PC): that child's quiet time changed, durations from when the relay said it.
   */
  childQuiet: Type.Object({ childId: Ulid, status: QuietStatus }, closed),
  /** Since 0.3.0 (F15): whether this child waits for a grown-up to look at a new policy (a `reconsent` frame). */
  reconsent: Type.Object({ waiting: Type.Boolean() }, closed),
  /** Since 0.3.0 (issue 15): how far the family's export of a child has come (grown-ups' pane). */
  exportProgress: ExportProgress,
  /** Since 0.4.0 (F9): a match of the active child changed (a move arrived, a reveal, a rebuild). */
  gameChanged: MatchView,
  /** Since 0.4.0: the active child's games switch or this machine's policy changed. */
  gamesAvailability: GamesAvailability,
  /** Since 0.3.0 (issue 15, F16): Hearth's moderators paused (or un-paused) the active child's account. */
  suspension: MySuspension,
  /** Since 0.5.0 (issue 18): a friend's ICE restart offer or answer for a call, checked against the active profile's contacts. */
  callIce: CallIceSignal,
} as const satisfies Record<string, TSchema>;

export type EventName = keyof typeof HEARTH_EVENTS;
export type EventPayload<E extends EventName> = Static<(typeof HEARTH_EVENTS)[E]>;
export const EVENT_NAMES = Object.keys(HEARTH_EVENTS) as EventName[];
