const ID = '01J0000000000000000000000A';
const PARENT = '01J0000000000000000000000B';

/** Well-formed arguments for the whole family's parent-only channels (issue 12). */
export const FAMILY_PARENT_ONLY_SAMPLE_ARGS: Readonly<Record<string, unknown>> = {
  getChildGrownUps: { childId: ID },
  createGrownUpInvite: { role: 'guardian', childIds: [ID] },
  listGrownUpInvites: {},
  answerGrownUpInvite: { inviteId: ID, answer: 'confirm' },
  redeemGrownUpInvite: { code: 'ACDE-FGHJ' },
  removeGuardian: { childId: ID, parentId: PARENT },
  removeTrustedGrownUp: { childId: ID, parentId: PARENT },
  updateTrustedGrownUp: { childId: ID, parentId: PARENT, avatar: null },
  giveChildConsent: { childId: ID, consent: { policyVersion: '2026-11-01', method: 'checkbox', agreed: true } },
  withdrawChildConsent: { childId: ID },
  deleteChild: { childId: ID, typedName: 'Sneaky', password: 'guess' },
  listNotices: {},
  getPolicyReview: { lang: 'es' },
  consentToPolicy: { consent: { policyVersion: '2026-11-01', method: 'checkbox', agreed: true } },
  getConsentHistory: { childId: ID },
};
