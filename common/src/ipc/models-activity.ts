import { Type, type Static } from 'typebox';
import { ChildIdSchema, Timestamp, Ulid, closed } from '../schemas/primitives';
import { AttachmentMimeSchema, Sha256Hex } from '../schemas/message-content';
import { TimeZoneName } from '../schemas/quiet';

/** How many days the activity view covers; older rows are deleted on the PC (F10). */
export const ACTIVITY_DAYS = 30;

const Count = Type.Integer({ minimum: 0 });

/** What a child did with one contact on one day: counts and minutes, never content. */
export const ContactDayActivity = Type.Object(
  { contactId: Ulid, sent: Count, received: Count, calls: Count, callMinutes: Count, games: Count },
  closed,
);
export type ContactDayActivity = Static<typeof ContactDayActivity>;

/**
 * One day of a child's activity: a day in the child's zone when the relay answered (`timeZone`
 * set), else a UTC date. `minutesInHearth`: the relay's count of the minutes the child was online
 * or in a call on any PC (`timeSource: 'relay'`, the daily limit's measure), or, when the relay
 * could not be reached, this PC's own (the minutes the profile was open, `'this-pc'`).
 */
/**
 * Since 0.4.0: one game played that day (F9), finished then: which game, with whom, and how it ended for
 * the child (Draw together only `finished`). Abandoned games are not listed.
 */
export const PlayedGame = Type.Object(
  {
    contactId: Ulid,
    game: Type.Union([
      Type.Literal('noughts-and-crosses'),
      Type.Literal('four-in-a-row'),
      Type.Literal('memory'),
      Type.Literal('draw-together'),
    ]),
    outcome: Type.Union([Type.Literal('won'), Type.Literal('lost'), Type.Literal('draw'), Type.Literal('finished')]),
  },
  closed,
);
export type PlayedGame = Static<typeof PlayedGame>;

export const ActivityDetailDay = Type.Object(
  {
    day: Type.String({ format: 'date' }),
    minutesInHearth: Count,
    sent: Count,
    received: Count,
    calls: Count,
    callMinutes: Count,
    games: Count,
    contacts: Type.Array(ContactDayActivity),
    /** Since 0.4.0: the games finished that day, oldest first (absent when none). */
    playedGames: Type.Optional(Type.Array(PlayedGame)),
  },
  closed,
);
export type ActivityDetailDay = Static<typeof ActivityDetailDay>;

export const FriendshipHistoryAction = Type.Union([Type.Literal('block'), Type.Literal('unblock'), Type.Literal('report')]);
export type FriendshipHistoryAction = Static<typeof FriendshipHistoryAction>;

/** A block, unblock or (with the safety work) report, with the child's stated reason. */
export const FriendshipHistoryEntry = Type.Object(
  {
    at: Timestamp,
    contactId: Ulid,
    action: FriendshipHistoryAction,
    by: Type.Union([Type.Literal('child'), Type.Literal('grown-up')]),
    reason: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  },
  closed,
);
export type FriendshipHistoryEntry = Static<typeof FriendshipHistoryEntry>;

/** The 30-day view: the same for the pane and, in kid words, for the child. */
export const ActivityDetail = Type.Object(
  {
    days: Type.Array(ActivityDetailDay),
    timeSource: Type.Union([Type.Literal('this-pc'), Type.Literal('relay')]),
    /** The child's zone, which the days are split in, when the relay answered. */
    timeZone: Type.Optional(TimeZoneName),
    history: Type.Array(FriendshipHistoryEntry),
    /** The names of the child's contacts on this PC, for the lines above. */
    people: Type.Array(Type.Object({ contactId: Ulid, displayName: Type.String({ maxLength: 100 }) }, closed)),
    /** Photos and video messages in the image log (a count: the pictures open only on a click). */
    pictures: Count,
    /** When a grown-up opened the image log on this PC, newest first. */
    imageLogOpenedAt: Type.Array(Timestamp),
    /** Since 0.3.0 (issue 15): when a grown-up saved a copy of the child's Hearth on this PC, newest first. */
    copiesSavedAt: Type.Optional(Type.Array(Timestamp)),
  },
  closed,
);
export type ActivityDetail = Static<typeof ActivityDetail>;

/** One photo or video message in a child's history on this PC. */
export const ImageLogItem = Type.Object(
  {
    messageId: Ulid,
    contactId: Ulid,
    direction: Type.Union([Type.Literal('in'), Type.Literal('out')]),
    kind: Type.Union([Type.Literal('photo'), Type.Literal('video')]),
    sentAt: Timestamp,
    hash: Sha256Hex,
    mime: AttachmentMimeSchema,
  },
  closed,
);
export type ImageLogItem = Static<typeof ImageLogItem>;
export const ImageLog = Type.Object({ items: Type.Array(ImageLogItem) }, closed);
export type ImageLog = Static<typeof ImageLog>;

export const ChildActivityArgs = Type.Object({ childId: ChildIdSchema }, closed);
export const ChildImageArgs = Type.Object({ childId: ChildIdSchema, hash: Sha256Hex }, closed);
export const RemoveChildImageArgs = Type.Object({ childId: ChildIdSchema, messageId: Ulid }, closed);
export type RemoveChildImageArgs = Static<typeof RemoveChildImageArgs>;
export const SetDailySummaryArgs = Type.Object({ childId: ChildIdSchema, enabled: Type.Boolean() }, closed);
