/**
 * Several relay processes on one PostgreSQL database and one Redis key prefix, behind nginx (the
 * deployed template), as a district would run them: what the cluster test, the cluster e2e story
 * and `npm run bench:cluster` start. Everything it makes (database, keys, folders, processes) goes
 * on `close()`.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClosers, settleAll } from './closers';
import { startNginx, withoutNginx, type TestNginx } from './nginx';
import { createTestDatabase, withoutPostgres, type TestDatabase } from './postgres';
import { createRelayProcess, type RelayProcess } from './relay-process';

/** The machine's Redis (TESTING.md). */
export const REDIS_URL = process.env.HEARTH_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function redisCli(args: readonly string[]): ReturnType<typeof spawnSync> {
  const url = new URL(REDIS_URL);
  return spawnSync('redis-cli', ['-h', url.hostname, '-p', url.port || '6379', ...args], { encoding: 'utf8', timeout: 10_000 });
}

/** Whether Redis answers PING. */
export function redisAnswers(): boolean {
  const res = redisCli(['ping']);
  return res.status === 0 && String(res.stdout).trim() === 'PONG';
}

/** Deletes every key under `prefix` (SCAN, never KEYS). */
export function dropRedisPrefix(prefix: string): void {
  const listed = redisCli(['--scan', '--pattern', `${prefix}*`]);
  const keys = String(listed.stdout).split('\n').filter(Boolean);
  for (let i = 0; i < keys.length; i += 500) redisCli(['del', ...keys.slice(i, i + 500)]);
}

/**
 * For `describe.skipIf(await withoutCluster())`: true where nginx, PostgreSQL or Redis is missing
 * (a developer's machine); under `CI=true` it throws instead, so CI never passes by skipping.
 */
export async function withoutCluster(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (withoutNginx(env) || (await withoutPostgres({ env }))) return true;
  if (redisAnswers()) return false;
  if (env.CI === 'true')
    throw new Error(`Redis does not answer at ${REDIS_URL} (see TESTING.md); under CI=true cluster tests must run`);
  return true;
}

export type ClusterOptions = Readonly<{
  /** Relay instances. Default 3. */
  instances?: number;
  /** Where attachments live: `postgres` (default: no shared disk) or a `folder` shared by all instances. */
  blobs?: 'postgres' | 'folder';
  /** The relays' `--log-level`. Default `warn`. */
  logLevel?: 'silent' | 'error' | 'warn' | 'info';
  /** More flags for every instance. */
  extraArgs?: readonly string[];
  /** Another composition root taking server.ts's flags (the cluster bench's, with its limits). */
  entry?: string;
  /** More environment variables for instance `i`. */
  envFor?: (i: number) => Readonly<Record<string, string>>;
}>;

export type ClusterInstance = Readonly<{
  /** `relay-<i>`: its `--instance-name`, what `X-Hearth-Instance` says. */
  name: string;
  port: number;
  /** Straight to the instance, past nginx. */
  url: string;
  process: RelayProcess;
}>;

export type TestCluster = Readonly<{
  /** nginx's address: what apps are given. */
  url: string;
  nginx: TestNginx;
  database: TestDatabase;
  busUrl: string;
  /** The instances' `--bus-prefix`: their Redis keys and channels, removed on `close()`. */
  redisPrefix: string;
  instances: readonly ClusterInstance[];
  /** The instance named `name`. */
  instance(name: string): ClusterInstance;
  /** Kills instance `i` (SIGKILL by default: no goodbye, like a power cut). */
  kill(i: number, signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  /** Starts instance `i` again on its port; resolves when its /health answers. */
  restart(i: number): Promise<void>;
  /** Everything instance `i` wrote (its pino log and stderr), across restarts. */
  logs(i: number): string;
  close(): Promise<void>;
}>;

/** The flags one instance runs with (what README's "Running several relays" shows). */
export function clusterArgs(
  o: Readonly<{ databaseUrl: string; busPrefix: string; name: string; blobs: 'postgres' | 'folder'; busUrl?: string }>,
): string[] {
  return [
    '--database',
    o.databaseUrl,
    '--bus',
    o.busUrl ?? REDIS_URL,
    '--bus-prefix',
    o.busPrefix,
    '--instance-name',
    o.name,
    '--trust-proxy',
    '127.0.0.1',
    '--blobs',
    o.blobs,
  ];
}

/**
 * A fresh database and Redis prefix, `instances` relays (the first started alone, since it
 * migrates the database, as README's upgrade procedure says; then the rest together), nginx in
 * front of them all.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<TestCluster> {
  const count = options.instances ?? 3;
  const blobs = options.blobs ?? 'postgres';
  const closers = createClosers();
  try {
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-cluster-'));
    closers.add(work, () => fs.rm(work, { recursive: true, force: true }));
    const database = await createTestDatabase();
    closers.add(database, () => database.drop());
    const redisPrefix = `hearth_test_${randomBytes(6).toString('hex')}:`;
    closers.add(redisPrefix, () => dropRedisPrefix(redisPrefix));
    const busUrl = REDIS_URL;
    const shared = path.join(work, 'shared');
    const instances: ClusterInstance[] = [];
    for (let i = 0; i < count; i++) {
      const name = `relay-${i}`;
      // A folder of blobs is shared (as on a network mount); each instance keeps its own data folder otherwise.
      const dataDir = blobs === 'folder' ? shared : path.join(work, name);
      const proc = await createRelayProcess(dataDir, {
        logLevel: options.logLevel ?? 'warn',
        logFile: path.join(work, `${name}.log`),
        extraArgs: [
          ...clusterArgs({ databaseUrl: database.url, busPrefix: redisPrefix, name, blobs }),
          ...(options.extraArgs ?? []),
        ],
        ...(options.entry ? { entry: options.entry } : {}),
        ...(options.envFor ? { env: options.envFor(i) } : {}),
      });
      closers.add(proc, () => proc.stop());
      instances.push({ name, port: proc.port, url: `http://127.0.0.1:${proc.port}`, process: proc });
    }
    await (instances[0] as ClusterInstance).process.start();
    await settleAll(instances.slice(1).map((inst) => inst.process.start()));
    const nginx = await startNginx({ upstreams: instances.map((inst) => `127.0.0.1:${inst.port}`) });
    // Closed first (closers run newest first): no client reaches a relay being stopped through it.
    closers.add(nginx, () => nginx.close());
    const at = (i: number): ClusterInstance => {
      const inst = instances[i];
      if (!inst) throw new Error(`no instance ${i} (the cluster has ${instances.length})`);
      return inst;
    };
    return {
      url: nginx.url,
      nginx,
      database,
      busUrl,
      redisPrefix,
      instances,
      instance: (name) => {
        const inst = instances.find((x) => x.name === name);
        if (!inst) throw new Error(`no instance named "${name}" (have ${instances.map((x) => x.name).join(', ')})`);
        return inst;
      },
      kill: (i, signal = 'SIGKILL') => (signal === 'SIGKILL' ? at(i).process.kill() : at(i).process.stop()),
      restart: (i) => at(i).process.start(),
      logs: (i) => {
        const file = path.join(work, `${at(i).name}.log`);
        return existsSync(file) ? readFileSync(file, 'utf8') : '';
      },
      close: () => closers.closeAll(),
    };
  } catch (err) {
    await closers.closeAll();
    throw err;
  }
}
