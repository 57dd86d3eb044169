import type { ParentLock } from '../lock/parent-lock';
import type { AppInfoService } from '../services/app-info';
import type { ApprovalsService } from '../services/approvals';
import type { AttachmentsService } from '../services/attachments';
import type { BackgroundsService } from '../services/backgrounds';
import type { CallsService } from '../services/calls';
import type { FamilyAdminService } from '../services/family-admin';
import type { FriendsService } from '../services/friends';
import type { KidRecordsService } from '../services/kid-records';
import type { MessagesService } from '../services/messages';
import type { ParentAccountService } from '../services/parent-account';
import type { PaneMessagesService } from '../services/pane-messages';
import type { ParentModeService } from '../services/parent-mode';
import type { ProfilesService } from '../services/profiles';
import type { RendererProblemsService } from '../services/renderer-problems';
import type { SettingsService } from '../services/settings';
import type { RelayVersions } from '../relay/relay-versions';

/** Everything the IPC handlers call. Built once by the composition root. */
export type Services = Readonly<{
  app: AppInfoService;
  settings: SettingsService;
  versions: Pick<RelayVersions, 'status'>;
  lock: ParentLock;
  profiles: ProfilesService;
  parent: ParentAccountService;
  parentMode: ParentModeService;
  family: FamilyAdminService;
  approvals: ApprovalsService;
  friends: FriendsService;
  messages: MessagesService;
  paneMessages: PaneMessagesService;
  attachments: AttachmentsService;
  records: KidRecordsService;
  calls: CallsService;
  backgrounds: BackgroundsService;
  problems: RendererProblemsService;
}>;
