import type { PgModules } from '../pg-store';
import { notYetOnPostgres } from './not-yet';
import { pgDevices } from './devices';
import { pgFamily } from './family';
import { pgFriendInvites } from './friend-invites';
import { pgFriendships } from './friendships';
import { pgGrownUpInvites } from './grown-up-invites';
import { pgSignaling } from './signaling';

/** One PostgreSQL module per port; each `store/pg/<port>.ts` ends `satisfies PgModule<typeof sqliteModule>`. */
export const PG_MODULES: PgModules = {
  accounts: notYetOnPostgres('accounts'),
  sessions: notYetOnPostgres('sessions'),
  attachments: notYetOnPostgres('attachments'),
  devices: pgDevices,
  email: notYetOnPostgres('email'),
  family: pgFamily,
  grownUpInvites: pgGrownUpInvites,
  friendships: pgFriendships,
  friendInvites: pgFriendInvites,
  deviceQueues: notYetOnPostgres('deviceQueues'),
  messages: notYetOnPostgres('messages'),
  signaling: pgSignaling,
};
