import type { PgModules } from '../pg-store';
import { notYetOnPostgres } from './not-yet';
import { pgAccounts } from './accounts';
import { pgEmail } from './email';
import { pgSessions } from './sessions';

/** One PostgreSQL module per port; each `store/pg/<port>.ts` ends `satisfies PgModule<typeof sqliteModule>`. */
export const PG_MODULES: PgModules = {
  accounts: pgAccounts,
  sessions: pgSessions,
  attachments: notYetOnPostgres('attachments'),
  devices: notYetOnPostgres('devices'),
  email: pgEmail,
  family: notYetOnPostgres('family'),
  grownUpInvites: notYetOnPostgres('grownUpInvites'),
  friendships: notYetOnPostgres('friendships'),
  friendInvites: notYetOnPostgres('friendInvites'),
  deviceQueues: notYetOnPostgres('deviceQueues'),
  messages: notYetOnPostgres('messages'),
  signaling: notYetOnPostgres('signaling'),
};
