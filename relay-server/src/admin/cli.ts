import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrate, openDatabase } from '@hearth/sqlite';
import { DEFAULT_CONFIG } from '../config';
import { createIdFactory } from '../context';
import { RELAY_MIGRATIONS } from '../db/migrations/index';
import { createSqliteStore } from '../store/sqlite-store';
import { ADMIN_COMMANDS, usage, type AdminContext } from './commands';

/**
 * `npm run relay:admin -- COMMAND [--email X] [--data-dir DIR]`: the operator's tools, on the
 * relay's SQLite file directly (brought to the current schema first). Safe while the relay runs
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
        help: { type: 'boolean' },
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
    db: undefined as never,
    config,
    now: Date.now,
    newId: createIdFactory(Date.now),
    out,
    err,
  };
  if (!command.usesDatabase) return command.run(noDb, values);

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
    const ctx: AdminContext = { ...noDb, db, store: createSqliteStore(db) };
    return await command.run(ctx, values);
  } finally {
    db.close();
  }
}

process.exitCode = await runAdmin(process.argv.slice(2), process.env);
