import { Type, type Static } from 'typebox';
import { Timestamp, Ulid, closed } from './primitives';

/**
 * Size limits of message content, shared by the relay (which enforces them) and the app (which
 * should stop a child before the relay has to).
 */
export const MESSAGE_LIMITS = Object.freeze({
  /** Longest text message, in Unicode characters (code points, as JSON Schema's `maxLength` counts: an emoji is one). */
  textMaxChars: 2000,
  /** Longest photo caption. */
  captionMaxChars: 200,
  /** Longest game move/state blob (game-defined JSON, as a string). */
  gameStateMaxChars: 4096,
  /** Longest voice message: 5 minutes. */
  voiceMaxMs: 5 * 60_000,
  /** Longest video message: 2 minutes. */
  videoMaxMs: 2 * 60_000,
  /** Longest call recorded in a call log: 24 hours. */
  callMaxMs: 24 * 60 * 60_000,
});

/** Types the relay accepts for attachments, as detected from the file's own bytes. */
export const ATTACHMENT_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'video/webm',
  'audio/ogg',
  'video/mp4',
  'audio/mp4',
] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIME_TYPES)[number];
export const AttachmentMimeSchema = Type.Enum(ATTACHMENT_MIME_TYPES);

/** Which attachment types each attachment-carrying kind allows (a voice note may be audio-only webm/mp4). */
export const MIME_TYPES_FOR_KIND: Readonly<Record<'photo' | 'voice' | 'video', readonly AttachmentMime[]>> = Object.freeze({
  photo: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
  voice: ['video/webm', 'audio/ogg', 'audio/mp4', 'video/mp4'],
  video: ['video/webm', 'video/mp4'],
});

/** Lower-case hex SHA-256 of an attachment's bytes: its name in the relay's blob store. */
export const Sha256Hex = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the bytes, lower-case hex' });

/** An uploaded attachment, as `POST /v1/attachments` returned it. The relay checks all three fields. */
export const AttachmentRef = Type.Object(
  { hash: Sha256Hex, size: Type.Integer({ minimum: 1 }), mime: AttachmentMimeSchema },
  closed,
);
export type AttachmentRef = Static<typeof AttachmentRef>;

/** A bundled item id such as `animals/happy-cat` (stickers and GIFs ship with the app, offline). */
const BundledItemId = Type.String({ pattern: '^[a-z0-9]+(?:[-/_][a-z0-9]+)*$', maxLength: 64 });

/**
 * What no message text or caption may hold when it is sent: control characters but tab and line
 * breaks, and the embeddings and overrides that reorder text on screen (U+202A–202E: a friend's
 * words shown backwards). The marks and isolates right-to-left writing needs stay. Checked where
 * a message is sent ({@link unsendableText}), not in the content schema: a message stored before
 * the rule is still read.
 */
export const NOT_IN_TEXT = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e';
const NOT_IN_TEXT_RE = new RegExp(`[${NOT_IN_TEXT}]`);
const NOT_IN_TEXT_ALL = new RegExp(`[${NOT_IN_TEXT}]`, 'g');

/** `text` without the characters of {@link NOT_IN_TEXT}: what a composer sends of what was typed or pasted. */
export const withoutUnsendable = (text: string): string => text.replace(NOT_IN_TEXT_ALL, '');

/** Why this content may not be sent as it is (a character of {@link NOT_IN_TEXT} in its text or caption), or undefined. */
export function unsendableText(content: Readonly<{ kind: string; text?: unknown; caption?: unknown }>): string | undefined {
  for (const [field, value] of [
    ['text', content.text],
    ['caption', content.caption],
  ] as const) {
    if (typeof value === 'string' && NOT_IN_TEXT_RE.test(value)) {
      return `The ${field} holds a control character or a mark that shows text backwards; leave it out.`;
    }
  }
  return undefined;
}

export const TextContent = Type.Object(
  { kind: Type.Literal('text'), text: Type.String({ minLength: 1, maxLength: MESSAGE_LIMITS.textMaxChars }) },
  closed,
);
export const StickerContent = Type.Object({ kind: Type.Literal('sticker'), stickerId: BundledItemId }, closed);
export const GifContent = Type.Object({ kind: Type.Literal('gif'), gifId: BundledItemId }, closed);
export const PhotoContent = Type.Object(
  {
    kind: Type.Literal('photo'),
    attachment: AttachmentRef,
    width: Type.Optional(Type.Integer({ minimum: 1, maximum: 20_000 })),
    height: Type.Optional(Type.Integer({ minimum: 1, maximum: 20_000 })),
    caption: Type.Optional(Type.String({ maxLength: MESSAGE_LIMITS.captionMaxChars })),
  },
  closed,
);
export const VoiceContent = Type.Object(
  {
    kind: Type.Literal('voice'),
    attachment: AttachmentRef,
    durationMs: Type.Integer({ minimum: 1, maximum: MESSAGE_LIMITS.voiceMaxMs }),
  },
  closed,
);
export const VideoContent = Type.Object(
  {
    kind: Type.Literal('video'),
    attachment: AttachmentRef,
    durationMs: Type.Integer({ minimum: 1, maximum: MESSAGE_LIMITS.videoMaxMs }),
  },
  closed,
);
/**
 * 0.1.0–0.3.0 only: a free-form game state the relay could not check. Still read (old history shows
 * it), no longer accepted by the relay since 0.4.0: games travel as `game-move` envelopes.
 */
export const GameContent = Type.Object(
  {
    kind: Type.Literal('game'),
    gameId: Type.String({ pattern: '^[a-z0-9-]{1,32}$' }),
    sessionId: Ulid,
    state: Type.String({ maxLength: MESSAGE_LIMITS.gameStateMaxChars }),
  },
  closed,
);

/** Longest game envelope, as canonical JSON text (checked by the relay and by the receiving app). */
export const GAME_ENVELOPE_MAX_CHARS = 4096;
/** Most envelopes in one `game-move` message (a call's moves copied to the relay, at most once a second). */
export const GAME_MOVES_PER_MESSAGE = 16;
const GameMove = Type.Record(Type.String(), Type.Unknown());
/**
 * One move on the wire (chat message or call data channel). The mover is never a field: it is the
 * relay-stamped sender, or the call's data-channel peer. `stateHash` is the SHA-256 of the canonical
 * JSON state after the move, as the sender computed it. The relay checks only this shape and size.
 */
export const TurnGameEnvelope = Type.Object(
  {
    game: Type.Union([Type.Literal('noughts-and-crosses'), Type.Literal('four-in-a-row'), Type.Literal('memory')]),
    matchId: Ulid,
    /** The state's version after this move: one more than before it. */
    version: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    move: GameMove,
    stateHash: Sha256Hex,
  },
  closed,
);
export const SharedGameEnvelope = Type.Object(
  {
    game: Type.Literal('draw-together'),
    matchId: Ulid,
    /** The mover's own move number, from 1. */
    seq: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
    move: GameMove,
    stateHash: Sha256Hex,
  },
  closed,
);
export const GameEnvelope = Type.Union([TurnGameEnvelope, SharedGameEnvelope]);
export type GameEnvelope = Static<typeof GameEnvelope>;

/**
 * Since 0.4.0 (F9): game moves, one in chat, several when a call's moves are copied to the relay as
 * the record. All envelopes of one message belong to one match.
 */
export const GameMoveContent = Type.Object(
  {
    kind: Type.Literal('game-move'),
    moves: Type.Array(GameEnvelope, { minItems: 1, maxItems: GAME_MOVES_PER_MESSAGE }),
  },
  closed,
);
export type GameMoveContent = Static<typeof GameMoveContent>;
export const CallLogContent = Type.Object(
  {
    kind: Type.Literal('call-log'),
    media: Type.Union([Type.Literal('audio'), Type.Literal('video')]),
    outcome: Type.Union([Type.Literal('completed'), Type.Literal('missed'), Type.Literal('declined'), Type.Literal('cancelled')]),
    startedAt: Timestamp,
    durationMs: Type.Integer({ minimum: 0, maximum: MESSAGE_LIMITS.callMaxMs }),
  },
  closed,
);

const SummaryCount = Type.Integer({ minimum: 0, maximum: 100_000 });
/**
 * A child's day in counts only (issue 14, F10): sent by each of the child's PCs once a day to the
 * child's guardians while a guardian has the daily summary on. Never text, names or pictures:
 * `people` is how many contacts, not who. Read since 0.3.0.
 */
export const DailySummaryContent = Type.Object(
  {
    kind: Type.Literal('daily-summary'),
    day: Type.String({ format: 'date' }),
    pcName: Type.String({ minLength: 1, maxLength: 60 }),
    minutesInHearth: SummaryCount,
    sent: SummaryCount,
    received: SummaryCount,
    calls: SummaryCount,
    callMinutes: SummaryCount,
    games: SummaryCount,
    people: SummaryCount,
  },
  closed,
);
export type DailySummaryContent = Static<typeof DailySummaryContent>;

/** Each kind's own schema, so a validator can name the precise problem with one kind. */
export const MessageContentSchemas = Object.freeze({
  text: TextContent,
  sticker: StickerContent,
  gif: GifContent,
  photo: PhotoContent,
  voice: VoiceContent,
  video: VideoContent,
  game: GameContent,
  'game-move': GameMoveContent,
  'call-log': CallLogContent,
  'daily-summary': DailySummaryContent,
});

/** What a message says: one of the kinds, told apart by `kind`. */
export const MessageContent = Type.Union([
  TextContent,
  StickerContent,
  GifContent,
  PhotoContent,
  VoiceContent,
  VideoContent,
  GameContent,
  GameMoveContent,
  CallLogContent,
  DailySummaryContent,
]);
export type MessageContent = Static<typeof MessageContent>;
export type MessageKind = MessageContent['kind'];
export const MESSAGE_KINDS = Object.keys(MessageContentSchemas) as MessageKind[];
