import { Type, type Static } from 'typebox';
import { Child } from './accounts';
import { Device } from './devices';
import { ChildGrownUps } from './family';
import { FriendshipView } from './friendships';
import { closed, Timestamp } from './primitives';
import { QuietView } from './quiet';
import { ConsentHistory } from './reconsent';

/**
 * `GET /v1/children/:id/export` (issue 15 §4, F12): everything the relay holds about a child, for
 * one of the child's guardians only. The desktop app writes it as `data/relay.json` in the
 * family's export. Queued message contents are not listed: the relay holds them only until every
 * device has them, and the child's PCs already hold every message that was delivered.
 */
export const ChildRelayExport = Type.Object(
  {
    exportedAt: Timestamp,
    child: Child,
    consents: ConsentHistory,
    grownUps: ChildGrownUps,
    friendships: Type.Array(FriendshipView),
    /** The family's PCs that hold (or held) a credential of this child. */
    devices: Type.Array(Device),
    quiet: QuietView,
    dailySummary: Type.Object({ enabled: Type.Boolean() }, closed),
    /** Bytes of pictures and videos the child uploaded that the relay still keeps. */
    attachmentBytes: Type.Integer({ minimum: 0 }),
  },
  closed,
);
export type ChildRelayExport = Static<typeof ChildRelayExport>;
