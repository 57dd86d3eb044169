import { Type, type Static } from 'typebox';
import { FriendshipView } from '../schemas/friendships';
import { Timestamp, Ulid, closed } from '../schemas/primitives';
import { AttachmentMimeSchema, MessageContent, Sha256Hex, TextContent } from '../schemas/message-content';

export const PresenceState = Type.Union([
  Type.Literal('online'),
  Type.Literal('away'),
  Type.Literal('in-call'),
  Type.Literal('offline'),
]);
export type PresenceState = Static<typeof PresenceState>;

/** A friend (or family member) of the active child, with what the UI shows next to them. */
export const Friend = Type.Object(
  {
    friendship: FriendshipView,
    presence: PresenceState,
    unread: Type.Integer({ minimum: 0 }),
    lastMessageAt: Type.Union([Timestamp, Type.Null()]),
    /** The contact's account was deleted (issue 15 §3): "no longer here", greyed, nothing to send or call; what was received stays. */
    gone: Type.Optional(Type.Boolean()),
  },
  closed,
);
export type Friend = Static<typeof Friend>;
export const FriendList = Type.Object({ friends: Type.Array(Friend) }, closed);

/**
 * Delivery state of a message. Outgoing: `queued` (in this PC's outbox), `sent` (the relay
 * holds it), `delivered` (the friend's PC stored it), `read`, `expired` (never delivered within
 * the relay's message lifetime) or `failed` (the relay refused it, e.g. no longer friends).
 * Incoming: `received`.
 */
export const MessageState = Type.Union([
  Type.Literal('queued'),
  Type.Literal('sent'),
  Type.Literal('delivered'),
  Type.Literal('read'),
  Type.Literal('expired'),
  Type.Literal('failed'),
  Type.Literal('received'),
]);
export type MessageState = Static<typeof MessageState>;

export const MessageView = Type.Object(
  {
    messageId: Ulid,
    /** The other side of the conversation (a friend's or a parent's account id). */
    contactId: Ulid,
    direction: Type.Union([Type.Literal('in'), Type.Literal('out')]),
    content: MessageContent,
    sentAt: Timestamp,
    state: MessageState,
  },
  closed,
);
export type MessageView = Static<typeof MessageView>;
export const MessagePage = Type.Object({ messages: Type.Array(MessageView), hasMore: Type.Boolean() }, closed);
export type MessagePage = Static<typeof MessagePage>;

/**
 * A message to send. Photos, voice and video name an attachment stored first with
 * `addAttachment` (its hash, size and type); main uploads it before the message leaves.
 */
export const SendMessageArgs = Type.Object({ contactId: Ulid, content: MessageContent }, closed);
export type SendMessageArgs = Static<typeof SendMessageArgs>;

export const ListMessagesArgs = Type.Object(
  {
    contactId: Ulid,
    /** Only messages older than this id (for scrolling back). */
    before: Type.Optional(Ulid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  closed,
);
export type ListMessagesArgs = Static<typeof ListMessagesArgs>;

export const SearchMessagesArgs = Type.Object(
  {
    query: Type.String({ minLength: 1, maxLength: 200 }),
    contactId: Type.Optional(Ulid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  closed,
);
export type SearchMessagesArgs = Static<typeof SearchMessagesArgs>;

export const SearchHit = Type.Object({ message: MessageView, snippet: Type.String() }, closed);
export type SearchHit = Static<typeof SearchHit>;
export const SearchResults = Type.Object({ hits: Type.Array(SearchHit) }, closed);
export type SearchResults = Static<typeof SearchResults>;

/** One of the active child's messages. */
export const MessageRef = Type.Object({ messageId: Ulid }, closed);
export type MessageRef = Static<typeof MessageRef>;

export const MarkReadArgs = Type.Object({ contactId: Ulid, upTo: Ulid }, closed);

export const AttachmentKind = Type.Union([Type.Literal('photo'), Type.Literal('voice'), Type.Literal('video')]);
export type AttachmentKind = Static<typeof AttachmentKind>;

/** Largest attachment, in bytes (25 MiB, the relay's default limit). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export const AddAttachmentArgs = Type.Object(
  {
    kind: AttachmentKind,
    mime: AttachmentMimeSchema,
    /** The file's bytes, base64 (so that every transport carries them as JSON). */
    dataBase64: Type.String({ minLength: 4, maxLength: Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 }),
  },
  closed,
);
export type AddAttachmentArgs = Static<typeof AddAttachmentArgs>;

/**
 * An attachment in the active child's folder, named by the SHA-256 of its bytes (as on the
 * relay). `downloading`: a friend's attachment not fetched yet.
 */
export const AttachmentInfo = Type.Object(
  {
    hash: Sha256Hex,
    kind: AttachmentKind,
    mime: AttachmentMimeSchema,
    size: Type.Integer({ minimum: 0 }),
    state: Type.Union([Type.Literal('local'), Type.Literal('downloading'), Type.Literal('ready')]),
  },
  closed,
);
export type AttachmentInfo = Static<typeof AttachmentInfo>;
export const AttachmentData = Type.Object({ info: AttachmentInfo, dataBase64: Type.String() }, closed);
export type AttachmentData = Static<typeof AttachmentData>;

export const CallOutcome = Type.Union([
  Type.Literal('answered'),
  Type.Literal('missed'),
  Type.Literal('declined'),
  /** The friend was already in a call: nothing rang. */
  Type.Literal('busy'),
  Type.Literal('failed'),
  /**
   * Since issue 18: the friends talked, then the network cut the call (no way back within 30 s).
   * Kept like `answered`: from the answer to the end, so its length is the talk time.
   */
  Type.Literal('lost'),
]);
export const CallRecord = Type.Object(
  {
    callId: Ulid,
    contactId: Ulid,
    direction: Type.Union([Type.Literal('in'), Type.Literal('out')]),
    video: Type.Boolean(),
    startedAt: Timestamp,
    endedAt: Type.Union([Timestamp, Type.Null()]),
    outcome: CallOutcome,
  },
  closed,
);
export type CallRecord = Static<typeof CallRecord>;
/**
 * A call for the log. `callId` (optional): the id the renderer gave the call when it began, so a
 * report made during the call or on its end screen names the log entry; main makes one otherwise.
 */
export const RecordCallArgs = Type.Object({ ...CallRecord.properties, callId: Type.Optional(Ulid) }, closed);
export type RecordCallArgs = Static<typeof RecordCallArgs>;
export const CallList = Type.Object({ calls: Type.Array(CallRecord) }, closed);

export const ActivityKind = Type.Union([
  Type.Literal('message-sent'),
  Type.Literal('message-received'),
  Type.Literal('call'),
  Type.Literal('game'),
  Type.Literal('friend'),
  Type.Literal('session'),
]);
export type ActivityKind = Static<typeof ActivityKind>;

/** One day of a child's activity: the same view for the parent and, in kid words, for the child. */
export const ActivityDay = Type.Object(
  {
    day: Type.String({ format: 'date' }),
    minutesActive: Type.Integer({ minimum: 0 }),
    counts: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
    contacts: Type.Array(Type.Object({ contactId: Ulid, events: Type.Integer({ minimum: 0 }) }, closed)),
  },
  closed,
);
export type ActivityDay = Static<typeof ActivityDay>;
export const ActivityReport = Type.Object({ days: Type.Array(ActivityDay) }, closed);
export type ActivityReport = Static<typeof ActivityReport>;
export const ActivityRange = { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })) };

/**
 * A child's conversation with the grown-up at the pane (`contactId`: that grown-up's account id;
 * main refuses any other conversation).
 */
export const ChildConversationArgs = Type.Object(
  {
    childId: Ulid,
    contactId: Ulid,
    before: Type.Optional(Ulid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  closed,
);
export type ChildConversationArgs = Static<typeof ChildConversationArgs>;

/** A text from the grown-up at the pane to one of their children. */
export const ReplyToChildArgs = Type.Object({ childId: Ulid, text: TextContent.properties.text }, closed);
export type ReplyToChildArgs = Static<typeof ReplyToChildArgs>;

/** The reply as the relay stored it. */
export const PaneReply = Type.Object({ messageId: Ulid, sentAt: Timestamp }, closed);
export type PaneReply = Static<typeof PaneReply>;
