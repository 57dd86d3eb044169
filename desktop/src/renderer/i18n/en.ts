/**
 * English: the source language, assembled from one catalog per feature (`./catalogs/`). Children's
 * screens use short, friendly sentences; the grown-ups' pane may say more. Every other language is
 * typed by this one (`Spanish<typeof en>`), so its keys are checked by the compiler.
 */
import { backgroundsEn } from './catalogs/backgrounds';
import { chatEn } from './catalogs/chat';
import { chatToolsEn } from './catalogs/chat-tools';
import { childrenEn } from './catalogs/children';
import { commonEn } from './catalogs/common';
import { effectsEn } from './catalogs/effects';
import { emailCheckEn, emailErrorsEn } from './catalogs/email-check';
import { emailRecoveryEn } from './catalogs/email-recovery';
import { errorsEn } from './catalogs/errors';
import { firstRunEn } from './catalogs/first-run';
import { grownUpsEn } from './catalogs/grown-ups';
import { grownUpsChildrenEn } from './catalogs/grown-ups-children';
import { computersEn } from './catalogs/computers';
import { computersMoreEn } from './catalogs/computers-more';
import { grownUpChatEn, grownUpsMessagesEn } from './catalogs/grown-ups-messages';
import { grownUpsSettingsEn } from './catalogs/grown-ups-settings';
import { grownUpsFamilyEn } from './catalogs/grown-ups-family';
import { grownUpsInvitesEn } from './catalogs/grown-ups-invites';
import { familyErrorsEn, familyNoticesEn, kidFamilyEn } from './catalogs/family-notices';
import { grownUpsAttentionEn } from './catalogs/grown-ups-attention';
import { kidReconsentEn, reconsentEn } from './catalogs/reconsent';
import { netCallsEn } from './catalogs/net-calls';
import { kidHomeEn } from './catalogs/kid-home';
import { policyEn } from './catalogs/policy';
import { stickersEn } from './catalogs/stickers';
import { updateEn } from './catalogs/update';
import { whatGrownUpsSeeEn } from './catalogs/what-grown-ups-see';
import { quietErrorsEn, quietKidEn, quietPaneEn } from './catalogs/quiet';
import { activityEn } from './catalogs/activity';
import { dailySummariesEn } from './catalogs/daily-summaries';
import { exportPaneEn, kidExportEn } from './catalogs/export';
import { deleteKidEn, deletePaneEn } from './catalogs/delete';
import { grownUpDeletePaneEn } from './catalogs/grown-up-delete';
import { parentReviewEn } from './catalogs/notify';
import { safetyErrorsEn } from './catalogs/safety';
import { policyItEn, policyItErrorsEn } from './catalogs/policy-it';
import { usageEn } from './catalogs/usage';
import { quietHeldEn, quietUiEn } from './catalogs/quiet-ui';
import { reportChildEn } from './catalogs/report-child';
import { kidSuspensionEn, reportGrownupsEn } from './catalogs/report-grownups';
import { reportGapsEn } from './catalogs/reportgaps';
import { gamesCallEn } from './catalogs/games-call';
import { updatesItEn, updatesItErrorsEn } from './catalogs/updates-it';
import { gamesEn } from './catalogs/games';

export const en = {
  ...commonEn,
  errors: {
    ...errorsEn.errors,
    ...familyErrorsEn,
    ...emailErrorsEn,
    ...quietErrorsEn,
    ...safetyErrorsEn,
    ...policyItErrorsEn,
    ...updatesItErrorsEn,
  },
  ...firstRunEn,
  ...policyEn,
  ...childrenEn,
  ...kidHomeEn,
  ...netCallsEn,
  ...kidFamilyEn,
  ...whatGrownUpsSeeEn,
  ...quietKidEn,
  ...quietHeldEn,
  ...activityEn,
  ...dailySummariesEn,
  ...parentReviewEn,
  ...usageEn,
  chat: { ...chatEn.chat, ...chatToolsEn },
  ...stickersEn,
  ...updateEn,
  backgrounds: { ...backgroundsEn, ...effectsEn },
  ...grownUpChatEn,
  ...emailCheckEn,
  ...emailRecoveryEn,
  pane: {
    ...grownUpsEn,
    ...grownUpsChildrenEn,
    ...computersEn,
    ...computersMoreEn,
    ...grownUpsSettingsEn,
    ...grownUpsMessagesEn,
    ...grownUpsFamilyEn,
    ...grownUpsInvitesEn,
    ...familyNoticesEn,
    ...grownUpsAttentionEn,
    ...quietPaneEn,
    ...quietUiEn,
    ...reconsentEn,
    ...exportPaneEn,
    ...deletePaneEn,
    ...reportGrownupsEn,
    ...grownUpDeletePaneEn,
    ...policyItEn,
  },
  ...kidExportEn,
  ...deleteKidEn,
  ...kidReconsentEn,
  ...reportChildEn,
  ...kidSuspensionEn,
  ...reportGapsEn,
  ...gamesCallEn,
  ...gamesEn,
  ...updatesItEn,
} as const;

/** The shape of the app's main namespace, in English. */
export type Translation = typeof en;
