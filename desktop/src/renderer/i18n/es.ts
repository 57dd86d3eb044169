/** Spanish (español), assembled like English; each catalog is typed by its English one. */
import type { Spanish } from './translation';
import type { Translation } from './en';
import { backgroundsEs } from './catalogs/backgrounds';
import { chatEs } from './catalogs/chat';
import { chatToolsEs } from './catalogs/chat-tools';
import { childrenEs } from './catalogs/children';
import { commonEs } from './catalogs/common';
import { effectsEs } from './catalogs/effects';
import { emailCheckEs, emailErrorsEs } from './catalogs/email-check';
import { emailRecoveryEs } from './catalogs/email-recovery';
import { errorsEs } from './catalogs/errors';
import { firstRunEs } from './catalogs/first-run';
import { grownUpsEs } from './catalogs/grown-ups';
import { grownUpsChildrenEs } from './catalogs/grown-ups-children';
import { computersEs } from './catalogs/computers';
import { computersMoreEs } from './catalogs/computers-more';
import { grownUpChatEs, grownUpsMessagesEs } from './catalogs/grown-ups-messages';
import { grownUpsSettingsEs } from './catalogs/grown-ups-settings';
import { grownUpsFamilyEs } from './catalogs/grown-ups-family';
import { grownUpsInvitesEs } from './catalogs/grown-ups-invites';
import { familyErrorsEs, familyNoticesEs, kidFamilyEs } from './catalogs/family-notices';
import { grownUpsAttentionEs } from './catalogs/grown-ups-attention';
import { kidReconsentEs, reconsentEs } from './catalogs/reconsent';
import { netCallsEs } from './catalogs/net-calls';
import { kidHomeEs } from './catalogs/kid-home';
import { policyEs } from './catalogs/policy';
import { stickersEs } from './catalogs/stickers';
import { updateEs } from './catalogs/update';
import { whatGrownUpsSeeEs } from './catalogs/what-grown-ups-see';
import { quietErrorsEs, quietKidEs, quietPaneEs } from './catalogs/quiet';
import { activityEs } from './catalogs/activity';
import { dailySummariesEs } from './catalogs/daily-summaries';
import { exportPaneEs, kidExportEs } from './catalogs/export';
import { deleteKidEs, deletePaneEs } from './catalogs/delete';
import { grownUpDeletePaneEs } from './catalogs/grown-up-delete';
import { parentReviewEs } from './catalogs/notify';
import { safetyErrorsEs } from './catalogs/safety';
import { policyItEs, policyItErrorsEs } from './catalogs/policy-it';
import { usageEs } from './catalogs/usage';
import { quietHeldEs, quietUiEs } from './catalogs/quiet-ui';
import { reportChildEs } from './catalogs/report-child';
import { kidSuspensionEs, reportGrownupsEs } from './catalogs/report-grownups';
import { reportGapsEs } from './catalogs/reportgaps';
import { gamesCallEs } from './catalogs/games-call';
import { updatesItEs, updatesItErrorsEs } from './catalogs/updates-it';
import { gamesEs } from './catalogs/games';

export const es: Spanish<Translation> = {
  ...commonEs,
  errors: {
    ...errorsEs.errors,
    ...familyErrorsEs,
    ...emailErrorsEs,
    ...quietErrorsEs,
    ...safetyErrorsEs,
    ...policyItErrorsEs,
    ...updatesItErrorsEs,
  },
  ...firstRunEs,
  ...policyEs,
  ...childrenEs,
  ...kidHomeEs,
  ...netCallsEs,
  ...kidFamilyEs,
  ...whatGrownUpsSeeEs,
  ...quietKidEs,
  ...quietHeldEs,
  ...activityEs,
  ...dailySummariesEs,
  ...parentReviewEs,
  ...usageEs,
  chat: { ...chatEs.chat, ...chatToolsEs },
  ...stickersEs,
  ...updateEs,
  backgrounds: { ...backgroundsEs, ...effectsEs },
  ...grownUpChatEs,
  ...emailCheckEs,
  ...emailRecoveryEs,
  pane: {
    ...grownUpsEs,
    ...grownUpsChildrenEs,
    ...computersEs,
    ...computersMoreEs,
    ...grownUpsSettingsEs,
    ...grownUpsMessagesEs,
    ...grownUpsFamilyEs,
    ...grownUpsInvitesEs,
    ...familyNoticesEs,
    ...grownUpsAttentionEs,
    ...quietPaneEs,
    ...quietUiEs,
    ...reconsentEs,
    ...exportPaneEs,
    ...deletePaneEs,
    ...reportGrownupsEs,
    ...grownUpDeletePaneEs,
    ...policyItEs,
  },
  ...kidExportEs,
  ...deleteKidEs,
  ...kidReconsentEs,
  ...reportChildEs,
  ...kidSuspensionEs,
  ...reportGapsEs,
  ...gamesCallEs,
  ...gamesEs,
  ...updatesItEs,
};
