import type { WritableDB } from '@hearth/sqlite';

/**
 * Delivery to every device (Signal-Server keeps one queue per device, so does this). A message is
 * stored once in `messages`; `message_queue` holds one row per device that still has to receive
 * it: each of the recipient's devices, and the sender's other devices (`own`, an outgoing copy).
 * An account with no device at all gets one row with `device_id = ''`, its account queue, which
 * its first device to connect takes over. `delivered` turns 1 at the first acknowledgement (or
 * `read`): that is delivery for the sender and for expiry; the message row stays while any
 * device still has it queued (or until it expires), so its attachment stays downloadable.
 *
 * A parent device is a parent-mode PC: the parent session it uses now (`session_id`, moved to
 * the new session when the PC signs in again; no foreign key, so a purged expired session still
 * names it). It keeps receiving while its session is live or ended less than a message lifetime
 * ago (the PC signs in again and finds its queue); a sign-out ends it. A session with no device
 * (the family PC's pane) receives nothing.
 */
export function updateToSchemaVersion8(db: WritableDB): void {
  db.exec(`
    ALTER TABLE messages ADD COLUMN delivered INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE parent_devices (
      id TEXT PRIMARY KEY,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      -- NULL once signed out (the next sweep deletes it and its queue).
      session_id TEXT UNIQUE,
      session_expires_at INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX parent_devices_by_parent ON parent_devices(parent_id);

    -- A device's queue in order is its rows by message_seq: each row is written with its message.
    -- No foreign key to accounts: a row is for its message's sender or recipient, whose deletion
    -- deletes the message and so the row.
    CREATE TABLE message_queue (
      account_id TEXT NOT NULL,
      -- A child's devices(id) or a parent_devices(id); '' is the account queue.
      device_id TEXT NOT NULL,
      message_seq INTEGER NOT NULL REFERENCES messages(seq) ON DELETE CASCADE,
      -- 1: a copy of a message this account sent, for its other devices.
      own INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (account_id, device_id, message_seq)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX message_queue_by_message ON message_queue(message_seq);

    -- What waited before this version waits in its recipient's account queue: the first device
    -- to connect gets it, as the one socket did before.
    INSERT INTO message_queue (message_seq, account_id, device_id, own)
      SELECT seq, recipient_id, '', 0 FROM messages ORDER BY seq;
  `);
}
