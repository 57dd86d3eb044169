import { ACTIVITY_PARENT_ONLY_SAMPLE_ARGS } from './parent-only-samples-activity';
import { FAMILY_PARENT_ONLY_SAMPLE_ARGS } from './parent-only-samples-family';
import { QUIET_PARENT_ONLY_SAMPLE_ARGS } from './parent-only-samples-quiet';
import { REPORT_GROWNUPS_PARENT_ONLY_SAMPLE_ARGS } from './parent-only-samples-report-grownups';
import { GROWNUP_DELETE_PARENT_ONLY_SAMPLE_ARGS } from './parent-only-samples-grownup-delete';
import { UPDATES_PARENT_ONLY_SAMPLE_ARGS } from './parent-only-samples-updates';

const ID = '01J0000000000000000000000A';

/**
 * Well-formed arguments for every parent-only channel, so that only the lock can refuse them
 * (the handlers' unit test and the lock's integration test).
 */
export const PARENT_ONLY_SAMPLE_ARGS: Readonly<Record<string, unknown>> = {
  registerParent: { email: 'someone@example.test', password: 'long-enough-password', displayName: 'Someone' },
  setParentPassword: { password: 'another-password' },
  setFirstRunLanguage: { language: 'es' },
  signInParent: { email: 'someone@example.test', password: 'long-enough-password' },
  signOutParent: {},
  getParentAccount: {},
  keepParentUnlocked: {},
  changeParentPassword: { currentPassword: 'the-current-password', newPassword: 'a-new-password' },
  listConsents: {},
  listChildren: {},
  createChild: {
    displayName: 'Sneaky',
    username: 'sneaky_kid',
    consent: { policyVersion: '2026-11-01', method: 'checkbox', agreed: true },
  },
  updateChild: { childId: ID, displayName: 'Renamed' },
  enrollPc: { name: 'Another PC', childIds: [ID] },
  addChildToPc: { childId: ID },
  removeChildFromPc: { childId: ID },
  listDevices: {},
  revokeDevice: { deviceId: ID },
  listParentComputers: {},
  signOutParentComputer: { sessionId: ID },
  listApprovals: {},
  actOnFriendshipAsParent: { friendshipId: ID, action: 'approve' },
  updateSettings: { autoLockMinutes: 120 },
  getChildActivity: { childId: ID },
  startParentMode: { email: 'someone@example.test', password: 'long-enough-password' },
  setPicturePassword: { childId: ID, picture: ['cat', 'moon', 'star'] },
  stopParentMode: {},
  readChildConversation: { childId: ID, contactId: ID },
  replyToChild: { childId: ID, text: 'Hello' },
  ...FAMILY_PARENT_ONLY_SAMPLE_ARGS,
  ...QUIET_PARENT_ONLY_SAMPLE_ARGS,
  ...ACTIVITY_PARENT_ONLY_SAMPLE_ARGS,
  ...REPORT_GROWNUPS_PARENT_ONLY_SAMPLE_ARGS,
  ...GROWNUP_DELETE_PARENT_ONLY_SAMPLE_ARGS,
  ...UPDATES_PARENT_ONLY_SAMPLE_ARGS,
  getChildGames: { childId: ID },
  setChildGames: { childId: ID, enabled: false },
  verifyEmail: { email: 'someone@example.test', code: '123456' },
  resendEmailCode: { email: 'someone@example.test' },
  completePasswordReset: { email: 'someone@example.test', code: '123456', password: 'long-enough-password' },
  startParentModeWithReset: { email: 'someone@example.test', code: '123456', password: 'long-enough-password' },
};
