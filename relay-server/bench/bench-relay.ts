import type { WritableDB } from '@hearth/sqlite';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type RelayApp } from '../src/app';
import { DEFAULT_CONFIG, type RelayConfig } from '../src/config';
import { hashToken, newToken } from '../src/auth/tokens';
import type { RelayContext } from '../src/context';
import { insertChild, insertParent } from '../src/accounts/queries';
import { insertDevice, insertDeviceCredential } from '../src/devices/queries';

/**
 * The relay's SQLite connection, on this tree (`ctx.store`) or on a commit from before the store
 * (`ctx.db`): `bench:queue-ratio` runs these bench files on both.
 */
export function sqliteOf(ctx: object): WritableDB {
  const c = ctx as { db?: WritableDB; store?: { db?: WritableDB } };
  const db = c.store?.db ?? c.db;
  if (!db) throw new Error('the benches need a relay on SQLite');
  return db;
}

export type BenchRelay = Readonly<{
  app: RelayApp;
  /** The `http://` address it listens on (loopback). */
  address: string;
  /** Closes the relay and deletes its data folder. */
  close: () => Promise<void>;
}>;

/** A relay for a bench: a fresh data folder, no logging, `overrides` on the defaults, listening on loopback. */
export async function startBenchRelay(name: string, overrides: Partial<RelayConfig>): Promise<BenchRelay> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `hearth-bench-${name}-`));
  const config: RelayConfig = Object.freeze({ ...DEFAULT_CONFIG, dataDir, port: 0, logLevel: 'silent', ...overrides });
  const app = await buildApp(config, { logger: false });
  const close = async (): Promise<void> => {
    await app.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  try {
    return { app, address: await app.listen({ host: '127.0.0.1', port: 0 }), close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** One parent with one enrolled PC, straight in the database (the accounts API is not what a bench measures). */
export type BenchPc = Readonly<{ parentId: string; deviceId: string; now: number }>;

export function insertBenchPc(ctx: RelayContext, email: string): BenchPc {
  const now = ctx.now();
  const parentId = ctx.newId();
  insertParent(sqliteOf(ctx), { id: parentId, email, displayName: 'Bench', passwordHash: 'x', createdAt: now });
  const deviceId = ctx.newId();
  insertDevice(sqliteOf(ctx), { id: deviceId, parentId, name: 'bench', infoJson: '{}', enrolledAt: now });
  return { parentId, deviceId, now };
}

/** A child on the bench PC, with its device credential. */
export function insertBenchKid(ctx: RelayContext, pc: BenchPc, i: number, username: string): { id: string; token: string } {
  const id = ctx.newId();
  insertChild(sqliteOf(ctx), {
    id,
    parentId: pc.parentId,
    displayName: `Kid ${i}`,
    username,
    birthday: null,
    gender: null,
    avatar: null,
    createdAt: pc.now,
  });
  // Issue 12: a child reaches friends only while a guardian's consent to the current policy stands.
  // Plain SQL, so that the same bench runs on an older tree too (bench:queue-ratio).
  sqliteOf(ctx)
    .prepare(`INSERT INTO guardians (child_id, parent_id, added_at, added_by) VALUES (?, ?, ?, NULL)`)
    .run(id, pc.parentId, pc.now);
  sqliteOf(ctx)
    .prepare(`INSERT INTO consents (id, parent_id, child_id, policy_version, method, given_at) VALUES (?, ?, ?, ?, 'bench', ?)`)
    .run(ctx.newId(), pc.parentId, id, ctx.config.policyVersion, pc.now);
  const token = newToken('dc');
  insertDeviceCredential(sqliteOf(ctx), { tokenHash: hashToken(token), deviceId: pc.deviceId, childId: id, createdAt: pc.now });
  return { id, token };
}
