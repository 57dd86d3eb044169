import { Type, type Static } from 'typebox';
import { Ulid, closed } from './primitives';

/**
 * Quiet hours and daily time (F14), as they travel. The relay keeps and evaluates them in the
 * child's IANA time zone; the PC is told durations, never asked for its clock.
 */

/** A wall-clock time of day in the child's zone, `HH:MM` (24 h). */
export const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, 24-hour' });
export type ClockTime = Static<typeof ClockTime>;

/**
 * One window, by the day it starts on. `end` at or before `start` runs across midnight into the
 * next day (`20:00`–`07:00`); `start` equal to `end` is refused (SCHEDULE_OVERLAP).
 */
export const TimeWindow = Type.Object({ start: ClockTime, end: ClockTime }, closed);
export type TimeWindow = Static<typeof TimeWindow>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Most windows on one day: a size limit (more is refused with VALIDATION_FAILED). */
export const MAX_WINDOWS_PER_DAY = 6;

const DayWindows = Type.Array(TimeWindow, { maxItems: MAX_WINDOWS_PER_DAY });
/** Windows per weekday (the day each window starts on). */
export const WeeklyWindows = Type.Object(
  {
    mon: DayWindows,
    tue: DayWindows,
    wed: DayWindows,
    thu: DayWindows,
    fri: DayWindows,
    sat: DayWindows,
    sun: DayWindows,
  },
  closed,
);
export type WeeklyWindows = Static<typeof WeeklyWindows>;

/** An IANA zone name (checked against the zone library on the relay: TIME_ZONE_UNKNOWN). */
export const TimeZoneName = Type.String({ minLength: 1, maxLength: 64 });

/**
 * `GET`/`PUT /v1/children/:childId/quiet` (a guardian's session only): the child's schedule.
 * `quiet`: the quiet windows; `dailyLimitMinutes`: minutes of `online`/`in-call` a day, null for
 * none; `trustedGrownUpsReach`: whether the child's trusted grown-ups pass during quiet time.
 */
export const QuietSchedule = Type.Object(
  {
    quiet: WeeklyWindows,
    dailyLimitMinutes: Type.Union([Type.Integer({ minimum: 0, maximum: 1440 }), Type.Null()]),
    trustedGrownUpsReach: Type.Boolean(),
  },
  closed,
);
export type QuietSchedule = Static<typeof QuietSchedule>;

/**
 * `PUT /v1/children/:childId/quiet/contacts/:contactId`: windows in which this contact may reach
 * the child; they only narrow the child's non-quiet time. `allowed: null` removes the narrowing.
 */
export const ContactWindowsBody = Type.Object({ allowed: Type.Union([WeeklyWindows, Type.Null()]) }, closed);
export type ContactWindowsBody = Static<typeof ContactWindowsBody>;

/** Why a child is quiet now. */
export const QuietReason = Type.Union([
  Type.Literal('schedule'),
  /** A guardian's "quiet now until …". */
  Type.Literal('now'),
  /** The daily time is used up. */
  Type.Literal('limit'),
]);
export type QuietReason = Static<typeof QuietReason>;

/**
 * Where a child stands, as durations from the relay's clock (so the PC clock never matters).
 * `startsInMs`: the next quiet start within 7 days, when not quiet now; `endsInMs`: when quiet,
 * until it ends (null when only a grown-up ends it); `endsAt`: that end as wall-clock time in the
 * child's zone ("see you at 07:00"); `minutesLeftToday`: null without a daily limit.
 */
export const QuietStatus = Type.Object(
  {
    quiet: Type.Boolean(),
    reason: Type.Union([QuietReason, Type.Null()]),
    startsInMs: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    endsInMs: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    endsAt: Type.Union([ClockTime, Type.Null()]),
    minutesLeftToday: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    timeZone: TimeZoneName,
  },
  closed,
);
export type QuietStatus = Static<typeof QuietStatus>;

/**
 * What `GET /v1/children/:childId/quiet` answers (and every quiet route that changes something):
 * the schedule (empty windows, no limit, when none was set), where the child stands now, the
 * contacts with allowed windows, whether the calling guardian passes during quiet time, and
 * whether a guardian chose the zone (false: the enrolling PC's).
 */
export const QuietView = Type.Object(
  {
    schedule: QuietSchedule,
    status: QuietStatus,
    contacts: Type.Array(Type.Object({ contactId: Ulid, allowed: WeeklyWindows }, closed)),
    myReach: Type.Boolean(),
    timeZoneSet: Type.Boolean(),
  },
  closed,
);
export type QuietView = Static<typeof QuietView>;

/** `POST /v1/children/:childId/quiet/now`: quiet from now until `until` (today, or tomorrow if passed). */
export const QuietNowBody = Type.Object({ until: ClockTime }, closed);
/** `POST /v1/children/:childId/quiet/extra-minutes`: more minutes today. */
export const ExtraMinutesBody = Type.Object({ minutes: Type.Union([Type.Literal(15), Type.Literal(30)]) }, closed);
/** `PUT /v1/children/:childId/time-zone`: `wholeFamily` sets it for every child of the caller's. */
export const TimeZoneBody = Type.Object({ timeZone: TimeZoneName, wholeFamily: Type.Optional(Type.Boolean()) }, closed);
/** `PUT /v1/children/:childId/quiet/my-reach`: whether the calling guardian passes during quiet time. */
export const QuietReachBody = Type.Object({ reach: Type.Boolean() }, closed);

/** The relay tells a child's sockets (app ≥ 0.3.0) on connect and at each change. */
export const WsQuietFrame = Type.Object({ type: Type.Literal('quiet'), childId: Ulid, status: QuietStatus }, closed);
export type WsQuietFrame = Static<typeof WsQuietFrame>;
