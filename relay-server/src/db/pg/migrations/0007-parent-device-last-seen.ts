import type pg from 'pg';

/** The PostgreSQL twin of SQLite's 0015: each parent-mode PC's last-seen day. */
export async function parentDeviceLastSeen(client: pg.ClientBase): Promise<void> {
  await client.query(`ALTER TABLE parent_devices ADD COLUMN last_seen_day TEXT;`);
}
