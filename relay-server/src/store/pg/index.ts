import type { PgModules } from '../pg-store';
import { notYetOnPostgres } from './not-yet';
import { pgAttachments } from './attachments';
import { pgDeviceQueues } from './device-queues';
import { pgMessages } from './messages';

/** One PostgreSQL module per port; each `store/pg/<port>.ts` ends `satisfies PgModule<typeof sqliteModule>`. */
export const PG_MODULES: PgModules = {
  accounts: notYetOnPostgres('accounts'),
  sessions: notYetOnPostgres('sessions'),
  attachments: pgAttachments,
  devices: notYetOnPostgres('devices'),
  email: notYetOnPostgres('email'),
  family: notYetOnPostgres('family'),
  grownUpInvites: notYetOnPostgres('grownUpInvites'),
  friendships: notYetOnPostgres('friendships'),
  friendInvites: notYetOnPostgres('friendInvites'),
  deviceQueues: pgDeviceQueues,
  messages: pgMessages,
  signaling: notYetOnPostgres('signaling'),
};
