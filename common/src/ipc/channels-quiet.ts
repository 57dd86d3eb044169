import { Type, type Static } from 'typebox';
import { ChildIdSchema, Ulid, closed } from '../schemas/primitives';
import { ClockTime, QuietSchedule, QuietStatus, QuietView, TimeZoneName, WeeklyWindows } from '../schemas/quiet';
import type { ChannelSpec } from './channels';

/**
 * Quiet hours and daily time (issue 14, F14). The relay keeps the schedule and decides; the PC
 * only shows what it says. A child's screens read their own status (durations counted on main's
 * monotonic clock since the relay said them, so a wrong PC clock changes nothing); the pane's
 * channels act with the signed-in guardian's session; the `...AsMe` ones with parent mode's session
 * on the grown-up's own PC.
 */

/** Where the active child stands; null until the relay has said (or for an app whose relay says nothing). */
export const MyQuiet = Type.Object({ status: Type.Union([QuietStatus, Type.Null()]) }, closed);
export type MyQuiet = Static<typeof MyQuiet>;

export const QuietChildArgs = Type.Object({ childId: ChildIdSchema }, closed);
export type QuietChildArgs = Static<typeof QuietChildArgs>;

/** A child's schedule, where they stand now, contacts' windows and my reach: the relay's answer as is. */
export const ChildQuiet = QuietView;
export type ChildQuiet = Static<typeof ChildQuiet>;

export const SetQuietScheduleArgs = Type.Object({ childId: ChildIdSchema, schedule: QuietSchedule }, closed);
export type SetQuietScheduleArgs = Static<typeof SetQuietScheduleArgs>;

export const SetContactWindowsArgs = Type.Object(
  { childId: ChildIdSchema, contactId: Ulid, allowed: Type.Union([WeeklyWindows, Type.Null()]) },
  closed,
);
export type SetContactWindowsArgs = Static<typeof SetContactWindowsArgs>;

export const QuietNowArgs = Type.Object({ childId: ChildIdSchema, until: ClockTime }, closed);
export type QuietNowArgs = Static<typeof QuietNowArgs>;

export const ExtraMinutesArgs = Type.Object(
  { childId: ChildIdSchema, minutes: Type.Union([Type.Literal(15), Type.Literal(30)]) },
  closed,
);
export type ExtraMinutesArgs = Static<typeof ExtraMinutesArgs>;

export const SetTimeZoneArgs = Type.Object(
  { childId: ChildIdSchema, timeZone: TimeZoneName, wholeFamily: Type.Boolean() },
  closed,
);
export type SetTimeZoneArgs = Static<typeof SetTimeZoneArgs>;

export const QuietReachArgs = Type.Object({ childId: ChildIdSchema, reach: Type.Boolean() }, closed);
export type QuietReachArgs = Static<typeof QuietReachArgs>;

export const QUIET_CHANNELS = {
  getMyQuiet: {
    access: 'profile',
    args: Type.Object({}, closed),
    result: MyQuiet,
    summary: 'The active child’s quiet time as the relay last said it, its durations counted down on main’s monotonic clock',
  },
  getChildQuiet: {
    access: 'parent',
    args: QuietChildArgs,
    result: ChildQuiet,
    summary: "A child's quiet-time schedule, daily time and status (guardians only)",
  },
  setChildQuiet: {
    access: 'parent',
    args: SetQuietScheduleArgs,
    result: ChildQuiet,
    summary: 'Replace a child’s weekly quiet windows, daily time and trusted grown-ups’ reach',
  },
  setContactQuietWindows: {
    access: 'parent',
    args: SetContactWindowsArgs,
    result: ChildQuiet,
    summary: 'When one contact may reach the child (only narrows the non-quiet time); null removes it',
  },
  startQuietNow: {
    access: 'parent',
    args: QuietNowArgs,
    result: ChildQuiet,
    summary: '"Quiet now until …" for a child (today, or tomorrow if that time has passed)',
  },
  giveExtraMinutes: {
    access: 'parent',
    args: ExtraMinutesArgs,
    result: ChildQuiet,
    summary: '15 or 30 more minutes of daily time for a child, today',
  },
  setQuietTimeZone: {
    access: 'parent',
    args: SetTimeZoneArgs,
    result: ChildQuiet,
    summary: 'The time zone quiet times are read in, for one child or every child of mine',
  },
  setMyQuietReach: {
    access: 'parent',
    args: QuietReachArgs,
    result: ChildQuiet,
    summary: 'Whether I (the signed-in guardian) can reach the child and be reached during quiet time',
  },
  getChildQuietAsMe: {
    access: 'profile',
    args: QuietChildArgs,
    result: ChildQuiet,
    summary: 'In parent mode on my own PC: a child’s quiet time and status',
  },
  startQuietNowAsMe: {
    access: 'profile',
    args: QuietNowArgs,
    result: ChildQuiet,
    summary: 'In parent mode: "quiet now until …" for my child',
  },
  giveExtraMinutesAsMe: {
    access: 'profile',
    args: ExtraMinutesArgs,
    result: ChildQuiet,
    summary: 'In parent mode: 15 or 30 more minutes today for my child',
  },
} as const satisfies Record<string, ChannelSpec>;

/** The name of a quiet-time channel. */
export type QuietChannelName = keyof typeof QUIET_CHANNELS;
