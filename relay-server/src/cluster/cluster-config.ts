import { isIP } from 'node:net';
import { ConfigError } from '../config-error';

/** The settings of a relay that runs as one of several instances (issue 13). */
export type ClusterConfig = Readonly<{
  databaseUrl: string | null;
  busUrl: string | null;
  busPrefix: string;
  trustProxy: readonly string[];
  blobs: 'folder' | 'postgres';
  instanceName: string;
}>;

/** The flags this module reads, as `parseArgs` returns them. */
export type ClusterFlags = Readonly<{
  database?: string;
  bus?: string;
  'bus-prefix'?: string;
  'trust-proxy'?: string;
  blobs?: string;
  'instance-name'?: string;
}>;

/** For `parseArgs`: the cluster flags, all strings. */
export const CLUSTER_FLAG_OPTIONS = {
  database: { type: 'string' },
  bus: { type: 'string' },
  'bus-prefix': { type: 'string' },
  'trust-proxy': { type: 'string' },
  blobs: { type: 'string' },
  'instance-name': { type: 'string' },
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The scheme of a URL, or undefined when it is not one. Only the scheme is ever repeated in a
 * message: the rest of a database or Redis address may hold a password.
 */
function schemeOf(raw: string): { url: URL; scheme: string } | undefined {
  try {
    const url = new URL(raw);
    return { url, scheme: url.protocol.replace(/:$/, '') };
  } catch {
    return undefined;
  }
}

function parseDatabaseUrl(raw: string, source: string): string {
  const parsed = schemeOf(raw);
  if (!parsed || (parsed.scheme !== 'postgres' && parsed.scheme !== 'postgresql')) {
    const got = parsed ? `a ${parsed.scheme}:// address` : 'something that is not a URL';
    throw new ConfigError(`${source} must be a PostgreSQL address like postgres://user:password@host:5432/hearth, got ${got}`);
  }
  // postgres:///db?host=/run/postgresql (a Unix socket) has no host name but names its host.
  if (parsed.url.hostname === '' && !parsed.url.searchParams.has('host')) {
    throw new ConfigError(`${source} must name the PostgreSQL server, like postgres://user:password@host:5432/hearth`);
  }
  return raw;
}

function parseBusUrl(raw: string, source: string): string {
  const parsed = schemeOf(raw);
  if (!parsed || (parsed.scheme !== 'redis' && parsed.scheme !== 'rediss')) {
    const got = parsed ? `a ${parsed.scheme}:// address` : 'something that is not a URL';
    throw new ConfigError(
      `${source} must be a Redis address like redis://host:6379 or rediss://user:password@host:6380, got ${got}`,
    );
  }
  if (parsed.url.hostname === '') throw new ConfigError(`${source} must name the Redis server, like redis://host:6379`);
  if (!/^\/?(\d{1,2})?$/.test(parsed.url.pathname)) {
    throw new ConfigError(`${source} may end only in a database number (redis://host:6379/0), not another path`);
  }
  return raw;
}

/** `ADDR` or `ADDR/BITS` (IPv4 or IPv6), as proxy-addr (Fastify's `trustProxy`) reads them. */
function isAddressOrCidr(entry: string): boolean {
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined || address === undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

function parseTrustProxy(raw: string, source: string): readonly string[] {
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new ConfigError(`${source} must name at least one address, like 10.0.0.5 or 10.0.0.0/24`);
  for (const entry of entries) {
    if (!isAddressOrCidr(entry)) {
      throw new ConfigError(
        `${source} takes IP addresses or ranges (10.0.0.5, 10.0.0.0/24, fd00::/8) separated by commas, got "${entry.slice(0, 60)}"`,
      );
    }
  }
  return Object.freeze(entries);
}

const INSTANCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const BUS_PREFIX = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,63}$/;

/**
 * Reads `--database`, `--bus`, `--bus-prefix`, `--trust-proxy`, `--blobs` and `--instance-name`
 * (flags win over HEARTH_DATABASE_URL, HEARTH_BUS_URL, HEARTH_BUS_PREFIX, HEARTH_TRUST_PROXY,
 * HEARTH_BLOBS, HEARTH_INSTANCE_NAME). Throws ConfigError with a sentence that never repeats an
 * address's password.
 */
export function loadClusterConfig(values: ClusterFlags, env: Env, defaults: ClusterConfig): ClusterConfig {
  const pick = (flag: keyof ClusterFlags, envName: string): { raw: string; source: string } | undefined => {
    const fromFlag = values[flag];
    if (fromFlag !== undefined) return { raw: fromFlag, source: `--${flag}` };
    const fromEnv = env[envName];
    return fromEnv !== undefined && fromEnv !== '' ? { raw: fromEnv, source: envName } : undefined;
  };
  const database = pick('database', 'HEARTH_DATABASE_URL');
  const databaseUrl = database ? parseDatabaseUrl(database.raw, database.source) : defaults.databaseUrl;
  const bus = pick('bus', 'HEARTH_BUS_URL');
  const busUrl = bus ? parseBusUrl(bus.raw, bus.source) : defaults.busUrl;
  const prefix = pick('bus-prefix', 'HEARTH_BUS_PREFIX');
  if (prefix && !BUS_PREFIX.test(prefix.raw)) {
    throw new ConfigError(
      `${prefix.source} must be 1–64 letters, digits, colons, dots or dashes, got "${prefix.raw.slice(0, 80)}"`,
    );
  }
  const proxy = pick('trust-proxy', 'HEARTH_TRUST_PROXY');
  const trustProxy = proxy ? parseTrustProxy(proxy.raw, proxy.source) : defaults.trustProxy;
  const blobsRaw = pick('blobs', 'HEARTH_BLOBS');
  if (blobsRaw && blobsRaw.raw !== 'folder' && blobsRaw.raw !== 'postgres') {
    throw new ConfigError(`${blobsRaw.source} must be folder or postgres, got "${blobsRaw.raw.slice(0, 40)}"`);
  }
  const blobs = (blobsRaw?.raw as ClusterConfig['blobs'] | undefined) ?? defaults.blobs;
  if (blobs === 'postgres' && databaseUrl === null) {
    throw new ConfigError('--blobs postgres keeps attachments in PostgreSQL, so it needs --database postgres://…');
  }
  const name = pick('instance-name', 'HEARTH_INSTANCE_NAME');
  if (name && !INSTANCE_NAME.test(name.raw)) {
    throw new ConfigError(
      `${name.source} must be 1–63 letters, digits, dots, dashes or underscores, starting with a letter or digit, got "${name.raw.slice(0, 80)}"`,
    );
  }
  return {
    databaseUrl,
    busUrl,
    busPrefix: prefix?.raw ?? defaults.busPrefix,
    trustProxy,
    blobs,
    instanceName: name?.raw ?? defaults.instanceName,
  };
}
