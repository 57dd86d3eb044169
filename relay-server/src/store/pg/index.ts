import type { PgModules } from '../pg-store';
import { notYetOnPostgres } from './not-yet';
import { pgFamily } from './family';
import { pgGrownUpInvites } from './grown-up-invites';

/** One PostgreSQL module per port; each `store/pg/<port>.ts` ends `satisfies PgModule<typeof sqliteModule>`. */
export const PG_MODULES: PgModules = {
  accounts: notYetOnPostgres('accounts'),
  sessions: notYetOnPostgres('sessions'),
  attachments: notYetOnPostgres('attachments'),
  devices: notYetOnPostgres('devices'),
  email: notYetOnPostgres('email'),
  family: pgFamily,
  grownUpInvites: pgGrownUpInvites,
  friendships: notYetOnPostgres('friendships'),
  friendInvites: notYetOnPostgres('friendInvites'),
  deviceQueues: notYetOnPostgres('deviceQueues'),
  messages: notYetOnPostgres('messages'),
  signaling: notYetOnPostgres('signaling'),
};
