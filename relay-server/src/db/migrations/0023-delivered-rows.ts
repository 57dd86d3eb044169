import type { WritableDB } from '@hearth/sqlite';

/**
 * The durable queue's common case in fewer writes (issue 18): a message whose first
 * acknowledgement is also its last (one device) is not deleted and remembered in
 * `message_outcomes`; its row becomes the record itself. `done_at` is set (the delivery time),
 * and the content, kind, attachment and quiet-time columns are cleared, so the row holds what an
 * outcome held (id, sender, recipient, when) and nothing else: `created_at` is the delivery time
 * and `expires_at` the time it is forgotten. A row with `done_at` is no queued message to anything
 * that reads the queue; the sweep deletes it at `expires_at`, as it purges outcomes.
 *
 * `messages_delivered_held`: delivered messages still waiting for another device (the sweep looks
 * for those left in no queue), without scanning the done rows.
 */
export function updateToSchemaVersion23(db: WritableDB): void {
  db.exec(`
    ALTER TABLE messages ADD COLUMN done_at INTEGER;
    CREATE INDEX messages_delivered_held ON messages(seq) WHERE delivered = 1 AND done_at IS NULL;
  `);
}
