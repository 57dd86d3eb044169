const ID = '01J0000000000000000000000A';

/** Well-formed arguments for the activity view's parent-only channels (issue 14). */
export const ACTIVITY_PARENT_ONLY_SAMPLE_ARGS: Readonly<Record<string, unknown>> = {
  getChildActivityDetail: { childId: ID },
  openChildImageLog: { childId: ID },
  readChildImage: { childId: ID, hash: 'a'.repeat(64) },
  removeChildImage: { childId: ID, messageId: ID },
  getDailySummary: { childId: ID },
  setDailySummary: { childId: ID, enabled: true },
  exportChild: { childId: ID, lang: 'es' },
};
