import { parseArgs } from 'node:util';
import path from 'node:path';

/** Everything the relay can be told at start. Read once, validated, frozen. */
export type RelayConfig = Readonly<{
  /** Address to listen on. Default `127.0.0.1`. */
  host: string;
  /** TCP port. Default `8787`; `0` picks a free port. */
  port: number;
  /** Folder for the SQLite database and attachments. Default `./data/relay`. */
  dataDir: string;
  /** pino level. Default `info`. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Current privacy-policy version; consent must name it. */
  policyVersion: string;
  /** When that version was published (ISO date). */
  policyPublishedAt: string;
  /** Parent session lifetime. Default 12 h. */
  parentSessionTtlMs: number;
  /** Invite code lifetime. Default 24 h. */
  inviteTtlMs: number;
  /** Largest JSON body accepted, in bytes. Default 64 KiB. */
  bodyLimitBytes: number;
  /** argon2id cost. Defaults follow OWASP (19 MiB, 2 passes). */
  passwordHash: Readonly<{ memoryCostKiB: number; timeCost: number; parallelism: number }>;
  rateLimits: Readonly<{
    /** Sign-in attempts per address per minute. */
    signInPerMinute: number;
    /** Registrations per address per hour. */
    registerPerHour: number;
    /** Failed sign-ins on one account before it backs off. */
    signInFailuresBeforeBackoff: number;
    /** Invite codes a child may make per hour. */
    invitesPerHour: number;
    /** Invite redemption attempts per child per 10 minutes. */
    redeemsPer10Minutes: number;
    /** Requests per caller per minute on every other route. */
    defaultPerMinute: number;
  }>;
}>;

export const DEFAULT_CONFIG: RelayConfig = Object.freeze({
  host: '127.0.0.1',
  port: 8787,
  dataDir: path.resolve('data/relay'),
  logLevel: 'info',
  policyVersion: '2026-11-01',
  policyPublishedAt: '2026-11-01',
  parentSessionTtlMs: 12 * 60 * 60 * 1000,
  inviteTtlMs: 24 * 60 * 60 * 1000,
  bodyLimitBytes: 64 * 1024,
  passwordHash: Object.freeze({ memoryCostKiB: 19456, timeCost: 2, parallelism: 1 }),
  rateLimits: Object.freeze({
    signInPerMinute: 20,
    registerPerHour: 20,
    signInFailuresBeforeBackoff: 5,
    invitesPerHour: 10,
    redeemsPer10Minutes: 10,
    defaultPerMinute: 600,
  }),
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

function parsePort(raw: string, source: string): number {
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${source} must be a whole number from 0 to 65535, got "${raw}"`);
  const port = Number(raw);
  if (port > 65535) throw new ConfigError(`${source} must be a whole number from 0 to 65535, got "${raw}"`);
  return port;
}

/**
 * Builds the configuration from command-line flags and environment variables (flags win).
 * Throws ConfigError with a sentence a person can act on.
 */
export function loadConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): RelayConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'log-level': { type: 'string' },
        'policy-version': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  if (values.help) throw new ConfigError(USAGE);

  const portRaw = values.port ?? env.PORT;
  const port = portRaw === undefined ? DEFAULT_CONFIG.port : parsePort(portRaw, values.port ? '--port' : 'PORT');
  const host = values.host ?? env.HOST ?? DEFAULT_CONFIG.host;
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) throw new ConfigError(`--host must be an address or host name, got "${host}"`);
  const dataDirRaw = values['data-dir'] ?? env.HEARTH_DATA_DIR;
  if (dataDirRaw !== undefined && dataDirRaw.trim() === '') throw new ConfigError('--data-dir must not be empty');
  const dataDir = dataDirRaw ? path.resolve(dataDirRaw) : DEFAULT_CONFIG.dataDir;
  const logLevel = values['log-level'] ?? env.LOG_LEVEL ?? DEFAULT_CONFIG.logLevel;
  if (!LOG_LEVELS.has(logLevel)) {
    throw new ConfigError(`--log-level must be one of ${[...LOG_LEVELS].join(', ')}, got "${logLevel}"`);
  }
  const policyVersion = values['policy-version'] ?? env.HEARTH_POLICY_VERSION ?? DEFAULT_CONFIG.policyVersion;
  if (!/^[A-Za-z0-9._-]{1,32}$/.test(policyVersion)) {
    throw new ConfigError(`--policy-version must be 1–32 letters, digits, dots or dashes, got "${policyVersion}"`);
  }
  return Object.freeze({
    ...DEFAULT_CONFIG,
    host,
    port,
    dataDir,
    logLevel: logLevel as RelayConfig['logLevel'],
    policyVersion,
  });
}

export const USAGE = `Usage: npm run relay -- [--port N] [--host ADDR] [--data-dir DIR] [--log-level LEVEL] [--policy-version V]
Environment: PORT, HOST, HEARTH_DATA_DIR, LOG_LEVEL, HEARTH_POLICY_VERSION (flags win).`;
