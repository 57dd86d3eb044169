const ID = '01J0000000000000000000000A';
const CONTACT = '01J0000000000000000000000C';
const NIGHTS = { mon: [{ start: '20:00', end: '07:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

/** Well-formed arguments for quiet time's parent-only channels (issue 14). */
export const QUIET_PARENT_ONLY_SAMPLE_ARGS: Readonly<Record<string, unknown>> = {
  getChildQuiet: { childId: ID },
  setChildQuiet: { childId: ID, schedule: { quiet: NIGHTS, dailyLimitMinutes: 60, trustedGrownUpsReach: true } },
  setContactQuietWindows: { childId: ID, contactId: CONTACT, allowed: null },
  startQuietNow: { childId: ID, until: '07:00' },
  giveExtraMinutes: { childId: ID, minutes: 15 },
  setQuietTimeZone: { childId: ID, timeZone: 'Europe/Madrid', wholeFamily: false },
  setMyQuietReach: { childId: ID, reach: true },
};
