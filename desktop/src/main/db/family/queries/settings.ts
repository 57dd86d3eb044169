import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

/** Every stored setting as parsed JSON, by key. Unknown or bad values are the caller's to check. */
export function readSettings(db: ReadableDB): Record<string, unknown> {
  const rows = prepared(db, `SELECT key, value_json AS valueJson FROM settings`).all() as { key: string; valueJson: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.valueJson) as unknown]));
}

/** Stores these settings (others are kept), in one transaction. */
export function writeSettings(db: WritableDB, values: Readonly<Record<string, unknown>>): void {
  const put = prepared(
    db,
    `INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`,
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(values)) put.run(key, JSON.stringify(value));
  })();
}
