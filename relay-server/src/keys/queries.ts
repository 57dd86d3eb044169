import type { ReadableDB, WritableDB } from '@hearth/sqlite';

/** The names of the relay's own keys (F11, F16); each is made once, on first use, and shared by every instance. */
export type RelayKeyName = 'franking' | 'email-ban';

/** A key's bytes, or undefined before its first use. */
export function getRelayKey(db: ReadableDB, name: RelayKeyName): Buffer | undefined {
  const row = db.prepare(`SELECT secret FROM relay_keys WHERE name = ?`).get(name) as { secret: Buffer } | undefined;
  return row?.secret;
}

/** Stores a key unless one of that name exists (two instances racing keep the first). */
export function insertRelayKeyIfAbsent(db: WritableDB, name: RelayKeyName, secret: Buffer, now: number): void {
  db.prepare(`INSERT INTO relay_keys (name, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING`).run(
    name,
    secret,
    now,
  );
}
