import { parseArgs } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { MIN_APP_VERSION, parseAppVersion, retentionMs } from '@hearth/common';
import { BUNDLED_POLICY_DIR, policyFolderProblem } from './policy/policy-files';
import { ConfigError } from './config-error';
import * as reconsent from './policy/grace-config';
import { CLUSTER_FLAG_OPTIONS, loadClusterConfig } from './cluster/cluster-config';

export { ConfigError } from './config-error';

/** Everything the relay can be told at start. Read once, validated, frozen. */
export type RelayConfig = Readonly<{
  /** Address to listen on. Default `127.0.0.1`. */
  host: string;
  /** TCP port. Default `8787`; `0` picks a free port. */
  port: number;
  /** Folder for the SQLite database and attachments. Default `./data/relay`. */
  dataDir: string;
  /**
   * Issue 13: `--database postgres://…` puts every table (and, with `--blobs postgres`, the
   * attachments) in PostgreSQL; null (the default) is the embedded SQLite file in `dataDir`.
   */
  databaseUrl: string | null;
  /**
   * Issue 13: where attachment bytes live: `folder` (the default: `dataDir/attachments`, also
   * right on a mount several instances share) or `postgres` (chunked in the relay's PostgreSQL
   * database; needs `databaseUrl`). The deployment's `--blobs` sets it.
   */
  blobs: 'folder' | 'postgres';
  /**
   * Issue 13: `--bus redis://…` shares presence, events and signaling between instances through
   * Redis; null (the default) is the in-process bus of a single relay.
   */
  busUrl: string | null;
  /**
   * Issue 13: `--trust-proxy ADDR[,ADDR…]`: the load balancer(s) whose `X-Forwarded-For` is believed,
   * for rate limits only (never logged). Empty (the default): no proxy is trusted.
   */
  trustProxy: readonly string[];
  /** This instance's name, sent in the `X-Hearth-Instance` header and used on the bus. Default: host name and pid. */
  instanceName: string;
  /** `--bus-prefix`: put in front of every Redis key and channel (rate limits, bus). Default `hearth:`. */
  busPrefix: string;
  /** pino level. Default `info`. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Folder of privacy policies, one per version (`en.md`, `es.md`, `changes.*.md`; `next/`: a draft). Default: bundled. */
  policyDir: string;
  /** Current privacy-policy version, a folder of `policyDir`; consent must name it. Checked at start. */
  policyVersion: string;
  /** When that version was published (ISO date): the version itself when it is a date. */
  policyPublishedAt: string;
  /** The oldest app version served (`N.N.N`); older apps get APP_TOO_OLD. Default MIN_APP_VERSION. */
  minAppVersion: string;
  /**
   * Email (issue 12): `smtp://user:pass@host:port` or `smtps://…`; null is "no email" mode (the
   * default): verification off, invitations by code only, recovery through the operator.
   */
  smtpUrl: string | null;
  /** The sender of the relay's email. Default `Hearth <no-reply@localhost>`. */
  mailFrom: string;
  /** Parent session lifetime. Default 12 h. */
  parentSessionTtlMs: number;
  /**
   * Longest lifetime of a parent session signed in for a family PC (`device: 'family-pc'`), which
   * keeps it in memory across pane locks; the shorter of this and `parentSessionTtlMs` applies. Default 4 h.
   */
  familyPcSessionTtlMs: number;
  /** Invite code lifetime. Default 24 h. */
  inviteTtlMs: number;
  /** Lifetime of an emailed (or operator's) verification or reset code. Default 30 min. */
  emailCodeTtlMs: number;
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
    /** Emails the relay sends to one address per hour (codes and notices); more are not sent. */
    emailsPerAddressPerHour: number;
    /** Wrong tries one emailed code takes before it is dead. */
    codeAttempts: number;
  }>;
  /** PeerJS-compatible signaling (`/peerjs`). */
  signaling: Readonly<{
    /** Lifetime of a signaling token. Default 10 min. */
    tokenTtlMs: number;
    /** A socket that sends nothing (not even HEARTBEAT) for this long is closed. Default 60 s. */
    idleTimeoutMs: number;
    /** Frames a socket may send per second, sustained. Default 50. */
    framesPerSecond: number;
    /** Frames a socket may send in one burst. Default 200. */
    frameBurst: number;
    /** Open connection ids (calls, data channels) tracked per peer; the oldest goes first. Default 64. */
    maxConnectionsPerPeer: number;
  }>;
  /** The durable message queue and attachments (`/v1/ws`, `/v1/attachments`). */
  messaging: Readonly<{
    /** How long an undelivered message waits before it expires and its sender is told. Default 15 days. */
    messageTtlMs: number;
    /** Messages one account may send per minute, sustained. Default 300. */
    messagesPerMinute: number;
    /** Messages one account may send in one burst. Default 300. */
    messageBurst: number;
    /** Extra wait before a group commit, to gather more sends into one transaction. Default 0 (next turn of the event loop). */
    groupCommitDelayMs: number;
    /** Largest attachment upload, in bytes. Default 25 MiB. */
    attachmentMaxBytes: number;
    /** Attachment bytes one account may have stored at once (until delivered and swept). Default 512 MiB. */
    attachmentQuotaBytes: number;
    /** Attachment bytes the relay stores in all, for everyone. Default 20 GiB. */
    attachmentStoreMaxBytes: number;
    /** An uploaded attachment that no message ever referenced is deleted after this long. Default 1 h. */
    unlinkedAttachmentTtlMs: number;
    /** How often expiry, cleanup and credential re-checks run. Default 30 s. */
    sweepIntervalMs: number;
  }>;
  /** ICE servers handed to devices. Default none: calls work on loopback and the LAN only. */
  ice: Readonly<{
    /** `stun:` URLs. */
    stunUrls: readonly string[];
    /** `turn:`/`turns:` URLs of a TURN server using coturn's `use-auth-secret`. */
    turnUrls: readonly string[];
    /** coturn's `static-auth-secret`; required with TURN URLs. */
    turnSecret?: string;
    /** Lifetime of TURN credentials. Default 1 h. */
    turnTtlSeconds: number;
    /** `relay` tells clients to use TURN only, so a child's address never reaches a peer. Default `all`. */
    transportPolicy: 'all' | 'relay';
  }>;
}> &
  reconsent.ReconsentConfig;

export const DEFAULT_CONFIG: RelayConfig = Object.freeze({
  host: '127.0.0.1',
  port: 8787,
  dataDir: path.resolve('data/relay'),
  logLevel: 'info',
  policyDir: BUNDLED_POLICY_DIR,
  policyVersion: '2026-12-04',
  policyPublishedAt: '2026-12-04',
  ...reconsent.DEFAULT_RECONSENT_CONFIG,
  minAppVersion: MIN_APP_VERSION,
  smtpUrl: null,
  databaseUrl: null,
  blobs: 'folder',
  busUrl: null,
  trustProxy: Object.freeze([]) as readonly string[],
  instanceName: `${os.hostname()}-${process.pid}`,
  busPrefix: 'hearth:',
  mailFrom: 'Hearth <no-reply@localhost>',
  parentSessionTtlMs: 12 * 60 * 60 * 1000,
  familyPcSessionTtlMs: 4 * 60 * 60 * 1000,
  inviteTtlMs: 24 * 60 * 60 * 1000,
  emailCodeTtlMs: 30 * 60 * 1000,
  bodyLimitBytes: 64 * 1024,
  passwordHash: Object.freeze({ memoryCostKiB: 19456, timeCost: 2, parallelism: 1 }),
  rateLimits: Object.freeze({
    signInPerMinute: 20,
    registerPerHour: 20,
    signInFailuresBeforeBackoff: 5,
    invitesPerHour: 10,
    redeemsPer10Minutes: 10,
    defaultPerMinute: 600,
    emailsPerAddressPerHour: 5,
    codeAttempts: 5,
  }),
  signaling: Object.freeze({
    tokenTtlMs: 10 * 60 * 1000,
    idleTimeoutMs: 60_000,
    framesPerSecond: 50,
    frameBurst: 200,
    maxConnectionsPerPeer: 64,
  }),
  messaging: Object.freeze({
    messageTtlMs: retentionMs('queuedMessages'),
    messagesPerMinute: 300,
    messageBurst: 300,
    groupCommitDelayMs: 0,
    attachmentMaxBytes: 25 * 1024 * 1024,
    attachmentQuotaBytes: 512 * 1024 * 1024,
    attachmentStoreMaxBytes: 20 * 1024 * 1024 * 1024,
    unlinkedAttachmentTtlMs: 60 * 60 * 1000,
    sweepIntervalMs: 30_000,
  }),
  ice: Object.freeze({ stunUrls: [], turnUrls: [], turnTtlSeconds: 3600, transportPolicy: 'all' }),
});

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
        'policy-dir': { type: 'string' },
        'min-app-version': { type: 'string' },
        'stun-url': { type: 'string', multiple: true },
        'turn-url': { type: 'string', multiple: true },
        'turn-secret': { type: 'string' },
        'ice-policy': { type: 'string' },
        'attachment-quota': { type: 'string' },
        'attachment-store-max': { type: 'string' },
        'smtp-url': { type: 'string' },
        'mail-from': { type: 'string' },
        ...CLUSTER_FLAG_OPTIONS,
        ...reconsent.RECONSENT_FLAG_OPTIONS,
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    // parseArgs repeats a stray argument, which may be an address with a password in it.
    throw new ConfigError((err as Error).message.replace(/\/\/[^/@\s'"]*@/g, '//***@'));
  }
  if (values.help) throw new ConfigError(USAGE);

  const portRaw = values.port ?? env.PORT;
  const port = portRaw === undefined ? DEFAULT_CONFIG.port : parsePort(portRaw, values.port !== undefined ? '--port' : 'PORT');
  const host = values.host ?? env.HOST ?? DEFAULT_CONFIG.host;
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) throw new ConfigError(`--host must be an address or host name, got "${host}"`);
  const dataDirRaw = values['data-dir'] ?? env.HEARTH_DATA_DIR;
  if (dataDirRaw !== undefined && dataDirRaw.trim() === '') throw new ConfigError('--data-dir must not be empty');
  const dataDir = dataDirRaw ? path.resolve(dataDirRaw) : DEFAULT_CONFIG.dataDir;
  const logLevel = values['log-level'] ?? env.LOG_LEVEL ?? DEFAULT_CONFIG.logLevel;
  if (!LOG_LEVELS.has(logLevel)) {
    const source = values['log-level'] !== undefined ? '--log-level' : 'LOG_LEVEL';
    throw new ConfigError(`${source} must be one of ${[...LOG_LEVELS].join(', ')}, got "${logLevel}"`);
  }
  const policyVersion = values['policy-version'] ?? env.HEARTH_POLICY_VERSION ?? DEFAULT_CONFIG.policyVersion;
  if (!/^[A-Za-z0-9._-]{1,32}$/.test(policyVersion)) {
    throw new ConfigError(`--policy-version must be 1–32 letters, digits, dots or dashes, got "${policyVersion}"`);
  }
  const policyDir = path.resolve(values['policy-dir'] || env.HEARTH_POLICY_DIR || DEFAULT_CONFIG.policyDir);
  const policyProblem = policyFolderProblem(policyDir, policyVersion);
  if (policyProblem !== undefined) throw new ConfigError(policyProblem);
  const minAppVersion = values['min-app-version'] ?? env.HEARTH_MIN_APP_VERSION ?? DEFAULT_CONFIG.minAppVersion;
  if (!parseAppVersion(minAppVersion)) {
    throw new ConfigError(`--min-app-version must be a version like 0.2.0, got "${minAppVersion}"`);
  }
  const smtpUrl = values['smtp-url'] ?? env.HEARTH_SMTP_URL ?? null;
  if (smtpUrl !== null && !isSmtpUrl(smtpUrl)) {
    throw new ConfigError(
      `--smtp-url must look like smtp://user:password@host:587 or smtps://host:465, got "${redactUrl(smtpUrl)}"`,
    );
  }
  const mailFrom = values['mail-from'] ?? env.HEARTH_MAIL_FROM ?? DEFAULT_CONFIG.mailFrom;
  if (mailFrom.length > 200 || !/@/.test(mailFrom) || /[\r\n]/.test(mailFrom)) {
    throw new ConfigError(`--mail-from must be an address like "Hearth <hearth@example.org>", got "${mailFrom}"`);
  }
  return Object.freeze({
    ...DEFAULT_CONFIG,
    ...loadClusterConfig(values, env, DEFAULT_CONFIG),
    ...reconsent.loadReconsentConfig(values, env),
    smtpUrl,
    mailFrom,
    host,
    port,
    dataDir,
    logLevel: logLevel as RelayConfig['logLevel'],
    policyDir,
    policyVersion,
    policyPublishedAt: /^\d{4}-\d{2}-\d{2}$/.test(policyVersion) ? policyVersion : DEFAULT_CONFIG.policyPublishedAt,
    messaging: loadStorageConfig(values, env),
    minAppVersion,
    ice: loadIceConfig(values, env),
  });
}

function isSmtpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A URL with its password replaced, for messages and logs. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return raw.replace(/:[^:@/]*@/, ':***@');
  }
}

const UNITS: Readonly<Record<string, number>> = { '': 1, B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 };

/** A size as a whole number of bytes, or with a binary unit (`512MiB`, `20 GiB`); at least 1 byte. */
function parseBytes(raw: string, source: string): number {
  const match = /^(\d{1,16})\s*(B|KiB|MiB|GiB|TiB)?$/.exec(raw.trim());
  const bytes = match ? Number(match[1]) * (UNITS[match[2] ?? ''] ?? 1) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new ConfigError(`${source} must be a whole number of bytes, optionally with KiB, MiB, GiB or TiB, got "${raw}"`);
  }
  return bytes;
}

function loadStorageConfig(
  values: Readonly<{ 'attachment-quota'?: string; 'attachment-store-max'?: string }>,
  env: Readonly<Record<string, string | undefined>>,
): RelayConfig['messaging'] {
  const size = (flag: 'attachment-quota' | 'attachment-store-max', envName: string, fallback: number): number => {
    const raw = values[flag] ?? env[envName];
    return raw === undefined ? fallback : parseBytes(raw, values[flag] !== undefined ? `--${flag}` : envName);
  };
  const defaults = DEFAULT_CONFIG.messaging;
  return Object.freeze({
    ...defaults,
    attachmentQuotaBytes: size('attachment-quota', 'HEARTH_ATTACHMENT_QUOTA', defaults.attachmentQuotaBytes),
    attachmentStoreMaxBytes: size('attachment-store-max', 'HEARTH_ATTACHMENT_STORE_MAX', defaults.attachmentStoreMaxBytes),
  });
}

const ICE_URL = /^(stuns?|turns?):[^\s,]{1,500}$/;

function iceUrls(flag: string[] | undefined, envValue: string | undefined, name: string, kind: 'stun' | 'turn'): string[] {
  const urls =
    flag ??
    (envValue
      ? envValue
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean)
      : []);
  for (const url of urls) {
    const scheme = ICE_URL.exec(url)?.[1];
    if (scheme !== kind && scheme !== `${kind}s`) {
      throw new ConfigError(`${name} must look like ${kind}:host:3478 or ${kind}s:host:5349, got "${url}"`);
    }
  }
  return urls;
}

function loadIceConfig(
  values: Readonly<{ 'stun-url'?: string[]; 'turn-url'?: string[]; 'turn-secret'?: string; 'ice-policy'?: string }>,
  env: Readonly<Record<string, string | undefined>>,
): RelayConfig['ice'] {
  const stunUrls = iceUrls(values['stun-url'], env.HEARTH_STUN_URLS, '--stun-url', 'stun');
  const turnUrls = iceUrls(values['turn-url'], env.HEARTH_TURN_URLS, '--turn-url', 'turn');
  const turnSecret = values['turn-secret'] ?? env.HEARTH_TURN_SECRET;
  if (turnUrls.length > 0 && !turnSecret) {
    throw new ConfigError('--turn-url needs --turn-secret (coturn static-auth-secret), or HEARTH_TURN_SECRET');
  }
  if (turnSecret !== undefined && turnSecret.length < 16) throw new ConfigError('--turn-secret must be at least 16 characters');
  const policy = values['ice-policy'] ?? env.HEARTH_ICE_POLICY ?? DEFAULT_CONFIG.ice.transportPolicy;
  if (policy !== 'all' && policy !== 'relay') throw new ConfigError(`--ice-policy must be all or relay, got "${policy}"`);
  if (policy === 'relay' && turnUrls.length === 0) throw new ConfigError('--ice-policy relay needs a --turn-url');
  return Object.freeze({
    ...DEFAULT_CONFIG.ice,
    stunUrls: Object.freeze(stunUrls),
    turnUrls: Object.freeze(turnUrls),
    ...(turnSecret ? { turnSecret } : {}),
    transportPolicy: policy,
  });
}

export const USAGE = `Usage: npm run relay -- [--port N] [--host ADDR] [--data-dir DIR] [--log-level LEVEL] [--policy-version V] [--policy-dir DIR]
       [--stun-url URL]... [--turn-url URL]... [--turn-secret S] [--ice-policy all|relay] [--min-app-version V]
       [--attachment-quota SIZE] [--attachment-store-max SIZE]   (SIZE: bytes, or e.g. 512MiB, 20GiB)
       [--smtp-url smtp://user:pass@host:587] [--mail-from ADDR]   (without --smtp-url: "no email" mode)
       [--database postgres://user:pass@host:5432/db] [--bus redis://host:6379] [--bus-prefix P]
       [--trust-proxy ADDR[,ADDR/BITS]...] [--blobs folder|postgres] [--instance-name NAME]
       (without --database: SQLite in --data-dir; without --bus: one instance only) ${reconsent.RECONSENT_USAGE}
Environment: PORT, HOST, HEARTH_DATA_DIR, LOG_LEVEL, HEARTH_POLICY_VERSION, HEARTH_POLICY_DIR, HEARTH_MIN_APP_VERSION,
       HEARTH_STUN_URLS, HEARTH_TURN_URLS (comma-separated), HEARTH_TURN_SECRET, HEARTH_ICE_POLICY,
       HEARTH_ATTACHMENT_QUOTA, HEARTH_ATTACHMENT_STORE_MAX, HEARTH_SMTP_URL, HEARTH_MAIL_FROM,
       HEARTH_DATABASE_URL, HEARTH_BUS_URL, HEARTH_BUS_PREFIX, HEARTH_TRUST_PROXY, HEARTH_BLOBS, HEARTH_INSTANCE_NAME (flags win).`;
