import type { PgModules } from '../pg-store';
import { notYetOnPostgres } from './not-yet';
import { pgDevices } from './devices';
import { pgFamily } from './family';
import { pgFriendInvites } from './friend-invites';
import { pgFriendships } from './friendships';
import { pgGrownUpInvites } from './grown-up-invites';
import { pgSignaling } from './signaling';
import { pgAccounts } from './accounts';
import { pgEmail } from './email';
import { pgSessions } from './sessions';

/** One PostgreSQL module per port; each `store/pg/<port>.ts` ends `satisfies PgModule<typeof sqliteModule>`. */
export const PG_MODULES: PgModules = {
  accounts: pgAccounts,
  sessions: pgSessions,
  attachments: notYetOnPostgres('attachments'),
  devices: pgDevices,
  email: pgEmail,
  family: pgFamily,
  grownUpInvites: pgGrownUpInvites,
  friendships: pgFriendships,
  friendInvites: pgFriendInvites,
  deviceQueues: notYetOnPostgres('deviceQueues'),
  messages: notYetOnPostgres('messages'),
  signaling: pgSignaling,
};
