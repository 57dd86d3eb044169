import type { PgModules } from '../pg-store';
import { pgAccounts } from './accounts';
import { pgAttachments } from './attachments';
import { pgDeviceQueues } from './device-queues';
import { pgDevices } from './devices';
import { pgDeviceTombstones } from './device-tombstones';
import { pgEmail } from './email';
import { pgFamily } from './family';
import { pgFriendInvites } from './friend-invites';
import { pgFriendships } from './friendships';
import { pgGrownUpInvites } from './grown-up-invites';
import { pgMessages } from './messages';
import { pgSessions } from './sessions';
import { pgSignaling } from './signaling';
import { pgQuiet } from './quiet';
import { pgSummaries } from './summaries';
import { pgKeys } from './keys';
import { pgModeration } from './moderation';
import { pgPolicies } from './policies';
import { pgReports } from './reports';
import { pgFranking } from './franking';
import { pgGames } from './games';

/** One PostgreSQL module per port; each `store/pg/<port>.ts` ends `satisfies PgModule<typeof sqliteModule>`. */
export const PG_MODULES: PgModules = {
  accounts: pgAccounts,
  sessions: pgSessions,
  attachments: pgAttachments,
  devices: pgDevices,
  deviceTombstones: pgDeviceTombstones,
  email: pgEmail,
  family: pgFamily,
  grownUpInvites: pgGrownUpInvites,
  friendships: pgFriendships,
  friendInvites: pgFriendInvites,
  deviceQueues: pgDeviceQueues,
  messages: pgMessages,
  signaling: pgSignaling,
  quiet: pgQuiet,
  summaries: pgSummaries,
  keys: pgKeys,
  moderation: pgModeration,
  policies: pgPolicies,
  reports: pgReports,
  franking: pgFranking,
  games: pgGames,
};
