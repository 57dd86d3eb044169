import { Type, type Static } from 'typebox';
import { closed } from './primitives';
import { TimeZoneName } from './quiet';

/** How many local days `GET /v1/children/:id/usage` answers: today and the 29 before it. */
export const USAGE_DAYS = 30;

/** A local day in the child's zone, `YYYY-MM-DD`. */
export const UsageDayKey = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });

/** One local day: the minutes in which the child was `online` or `in-call` on any of their PCs. */
export const UsageDay = Type.Object({ day: UsageDayKey, minutes: Type.Integer({ minimum: 0, maximum: 1500 }) }, closed);
export type UsageDay = Static<typeof UsageDay>;

/**
 * `GET /v1/children/:id/usage` (issue 14, F10/F14): "time in Hearth" as the relay counts it for the
 * daily limit — a minute counts once however many of the child's PCs were online or in a call in
 * it, and `away` never counts. `days`: the last {@link USAGE_DAYS} days in the child's zone
 * (`timeZone`), oldest first, each listed even when nothing was counted (a day of a DST change is
 * 23 or 25 hours, hence the maximum above 1440).
 */
export const UsageView = Type.Object({ timeZone: TimeZoneName, days: Type.Array(UsageDay, { maxItems: USAGE_DAYS }) }, closed);
export type UsageView = Static<typeof UsageView>;
