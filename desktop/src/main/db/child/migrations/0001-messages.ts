import type { WritableDB } from '@hearth/sqlite';

/** Contacts, messages with full-text search, attachments and the durable outbox. */
export function updateToSchemaVersion1(db: WritableDB): void {
  db.exec(`
    -- The child's friends and family as last seen on the relay (one row per other account).
    CREATE TABLE contacts (
      account_id TEXT PRIMARY KEY,
      friendship_id TEXT NOT NULL UNIQUE,
      status TEXT NOT NULL,
      friendship_json TEXT NOT NULL,
      last_read_id TEXT,
      updated_at INTEGER NOT NULL
    ) STRICT;

    -- rowid is local arrival order (FTS needs an integer key); id is the sender's ULID, which
    -- dedupes redelivery and orders a conversation.
    CREATE TABLE messages (
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      contact_id TEXT NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
      body_json TEXT NOT NULL,
      search_text TEXT,
      sent_at INTEGER NOT NULL,
      stored_at INTEGER NOT NULL,
      state TEXT NOT NULL
    ) STRICT;
    CREATE INDEX messages_by_conversation ON messages(contact_id, id);

    CREATE VIRTUAL TABLE messages_fts USING fts5(
      search_text, content='messages', content_rowid='rowid',
      tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    );
    CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.search_text IS NOT NULL BEGIN
      INSERT INTO messages_fts (rowid, search_text) VALUES (new.rowid, new.search_text);
    END;
    CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.search_text IS NOT NULL BEGIN
      INSERT INTO messages_fts (messages_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    END;

    -- Files in the child's folder, named by the SHA-256 of their bytes (as on the relay).
    -- uploaded: the relay has the blob (so a re-send need not upload it again).
    CREATE TABLE attachments (
      hash TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('photo', 'voice', 'video')),
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('local', 'downloading', 'ready')),
      uploaded INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL
    ) STRICT;

    -- Messages not yet acknowledged by the relay. A row leaves only when the relay has it.
    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      message_id TEXT NOT NULL UNIQUE,
      contact_id TEXT NOT NULL,
      frame_json TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
  `);
}
