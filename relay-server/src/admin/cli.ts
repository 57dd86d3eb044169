import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { migrate, openDatabase } from '@hearth/sqlite';
import { DEFAULT_CONFIG } from '../config';
import { createIdFactory } from '../context';
import { RELAY_MIGRATIONS } from '../db/migrations/index';
import { createSqliteStore } from '../store/sqlite-store';
import { createPgStore } from '../store/pg-store';
import type { Store } from '../store/port';
import { RELAY_PG_MIGRATIONS, openPgPool } from '../db/pg/index';
import { ADMIN_COMMANDS, usage } from './commands';
import { MODERATION_OPTIONS } from '../moderation/cli-commands';

/** Everything piped to stdin (a moderator's password), or '' from a terminal. */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

/**
 * `npm run relay:admin -- COMMAND [--email X] [--data-dir DIR | --database URL]`: the operator's tools,
 * on the relay's SQLite file directly (brought to the current schema first) or its PostgreSQL database. Safe while the relay runs
 * (SQLite in WAL mode, with a busy timeout). Returns the exit status.
 */
export async function runAdmin(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  const err = (line: string): void => void process.stderr.write(`hearth relay:admin: ${line}\n`);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        email: { type: 'string' },
        child: { type: 'string' },
        guardian: { type: 'string' },
        'data-dir': { type: 'string' },
        database: { type: 'string' },
        help: { type: 'boolean' },
        ...MODERATION_OPTIONS,
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    err((e as Error).message);
    err(usage());
    return 2;
  }
  const { values, positionals } = parsed;
  const name = values.help ? 'help' : positionals[0];
  const command = ADMIN_COMMANDS.find((c) => c.name === name);
  if (!command || positionals.length > 1) {
    err(name === undefined ? 'Which command?' : `Unknown command "${positionals.join(' ')}".`);
    err(usage());
    return 2;
  }
  const config = DEFAULT_CONFIG;
  const noDb = {
    store: undefined as never,
    config,
    now: Date.now,
    newId: createIdFactory(Date.now),
    out,
    err,
    env,
    readStdin,
  };
  if (!command.usesDatabase) return command.run(noDb, values);

  const databaseUrl = values.database ?? env.HEARTH_DATABASE_URL;
  if (databaseUrl) return onPostgres(databaseUrl, (store) => command.run({ ...noDb, store }, values), err);

  const dataDirRaw = values['data-dir'] ?? env.HEARTH_DATA_DIR;
  const dataDir = dataDirRaw ? path.resolve(dataDirRaw) : config.dataDir;
  const file = path.join(dataDir, 'relay.sqlite');
  if (!fs.existsSync(file)) {
    err(`No relay data in ${dataDir} (no relay.sqlite there). Use --data-dir with the folder the relay uses.`);
    return 1;
  }
  let db;
  try {
    db = openDatabase(file);
    migrate(db, RELAY_MIGRATIONS);
  } catch (e) {
    db?.close();
    err((e as Error).message);
    return 1;
  }
  try {
    return await command.run({ ...noDb, store: createSqliteStore(db) }, values);
  } finally {
    db.close();
  }
}

/**
 * A command on the relays' PostgreSQL database (`--database`, as the relays are given it). The
 * schema must be the one this relay knows: the operator's tool never migrates a shared database
 * (the upgrade procedure does, by starting one relay).
 */
async function onPostgres(url: string, run: (store: Store) => Promise<number>, err: (line: string) => void): Promise<number> {
  let pool;
  try {
    pool = openPgPool(url, { max: 2 });
    const known = RELAY_PG_MIGRATIONS.length;
    const found = await pool.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const version = found.rows[0]?.v ?? 0;
    if (version !== known) {
      err(
        `The database is at schema version ${version}; this relay:admin knows version ${known}. Use the relay:admin of the relays running on it.`,
      );
      return 1;
    }
  } catch (e) {
    await pool?.end().catch(() => undefined);
    err(`Cannot use that database: ${(e as Error).message}`);
    return 1;
  }
  try {
    return await run(createPgStore(pool));
  } finally {
    await pool.end();
  }
}

// Run as a program (`npm run relay:admin`), not when a test imports runAdmin.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await runAdmin(process.argv.slice(2), process.env);
}
