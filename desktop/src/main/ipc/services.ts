import type { ParentLock } from '../lock/parent-lock';
import type { ActivityService } from '../services/activity';
import type { DailySummaryService } from '../services/daily-summary';
import type { DailySummarySender } from '../services/daily-summary-sender';
import type { AppInfoService } from '../services/app-info';
import type { ApprovalsService } from '../services/approvals';
import type { AttachmentsService } from '../services/attachments';
import type { BackgroundsService } from '../services/backgrounds';
import type { CallsService } from '../services/calls';
import type { EmailAccountService } from '../services/email-account';
import type { FamilyAdminService } from '../services/family-admin';
import type { FamilyGrownUpsService } from '../services/family-grown-ups';
import type { ReconsentService } from '../services/reconsent';
import type { FriendsService } from '../services/friends';
import type { KidRecordsService } from '../services/kid-records';
import type { GamesService } from '../services/games';
import type { MessagesService } from '../services/messages';
import type { ParentAccountService } from '../services/parent-account';
import type { PaneMessagesService } from '../services/pane-messages';
import type { ParentModeService } from '../services/parent-mode';
import type { ProfilesService } from '../services/profiles';
import type { QuietService } from '../services/quiet';
import type { ReportsService } from '../services/reports';
import type { RendererProblemsService } from '../services/renderer-problems';
import type { SettingsService } from '../services/settings';
import type { RelayVersions } from '../relay/relay-versions';
import type { AttentionService } from '../services/attention';
import type { ExportService } from '../export/export-service';
import type { ReportGrownupsService } from '../services/report-grownups';
import type { GrownUpDeleteService } from '../services/grownup-delete';
import type { MachinePolicyService } from '../policy/apply';
import type { UpdatesService } from '../updates/updates-service';
import type { CredentialVault } from '../stores/credential-vault';

/** Everything the IPC handlers call. Built once by the composition root. */
export type Services = Readonly<{
  app: AppInfoService;
  settings: SettingsService;
  versions: Pick<RelayVersions, 'status'>;
  lock: ParentLock;
  profiles: ProfilesService;
  parent: ParentAccountService;
  parentMode: ParentModeService;
  emailAccount: EmailAccountService;
  family: FamilyAdminService;
  grownUps: FamilyGrownUpsService;
  reconsent: ReconsentService;
  approvals: ApprovalsService;
  friends: FriendsService;
  messages: MessagesService;
  paneMessages: PaneMessagesService;
  attachments: AttachmentsService;
  records: KidRecordsService;
  /** Games with a friend (issue 16). */
  games: GamesService;
  activity: ActivityService;
  dailySummary: DailySummaryService;
  /** The family PC's daily summaries (sending), the child's own opt-in, parent mode's list. */
  summaries: DailySummarySender;
  calls: CallsService;
  backgrounds: BackgroundsService;
  problems: RendererProblemsService;
  attention: AttentionService;
  quiet: QuietService;
  export: ExportService;
  /** "Something's wrong" (F11): the child's reports, built here and sent from a durable outbox. */
  reports: ReportsService;
  /** Reports for guardians and a child's suspension (issue 15). */
  reportGrownups: ReportGrownupsService;
  grownUpDelete: GrownUpDeleteService;
  /** This PC's machine policy as resolved at start (issue 17). */
  machinePolicy: MachinePolicyService;
  /** Updates (issue 17 §3) and how credentials are kept (§4). */
  updates: UpdatesService;
  credentials: Pick<CredentialVault, 'state'>;
}>;
