import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, USAGE, loadConfig } from '../config';

/** The sentence loadConfig refuses with. */
function refusal(argv: readonly string[], env: Record<string, string> = {}): string {
  try {
    loadConfig(argv, env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify({ argv, env })}`);
}

describe('cluster flags', () => {
  it('defaults to one relay on SQLite: no database, no bus, no proxy, blobs in the folder', () => {
    const config = loadConfig([], {});
    expect(config).toMatchObject({ databaseUrl: null, busUrl: null, trustProxy: [], blobs: 'folder', busPrefix: 'hearth:' });
    expect(config.instanceName).toBe(DEFAULT_CONFIG.instanceName);
  });

  it('reads every cluster flag', () => {
    const config = loadConfig(
      [
        '--database',
        'postgres://hearth:secret@db.internal:5432/hearth',
        '--bus',
        'rediss://user:pw@cache.internal:6380/2',
        '--bus-prefix',
        'district-7:',
        '--trust-proxy',
        '10.0.0.5, 10.1.0.0/16,fd00::/8',
        '--blobs',
        'postgres',
        '--instance-name',
        'relay-a',
      ],
      {},
    );
    expect(config).toMatchObject({
      databaseUrl: 'postgres://hearth:secret@db.internal:5432/hearth',
      busUrl: 'rediss://user:pw@cache.internal:6380/2',
      busPrefix: 'district-7:',
      trustProxy: ['10.0.0.5', '10.1.0.0/16', 'fd00::/8'],
      blobs: 'postgres',
      instanceName: 'relay-a',
    });
    expect(Object.isFrozen(config.trustProxy)).toBe(true);
  });

  it('reads the same settings from the environment, and lets flags win', () => {
    const env = {
      HEARTH_DATABASE_URL: 'postgresql://db.internal/hearth',
      HEARTH_BUS_URL: 'redis://cache.internal:6379',
      HEARTH_BUS_PREFIX: 'env:',
      HEARTH_TRUST_PROXY: '192.168.1.1',
      HEARTH_BLOBS: 'postgres',
      HEARTH_INSTANCE_NAME: 'from-env',
    };
    expect(loadConfig([], env)).toMatchObject({
      databaseUrl: 'postgresql://db.internal/hearth',
      busUrl: 'redis://cache.internal:6379',
      busPrefix: 'env:',
      trustProxy: ['192.168.1.1'],
      blobs: 'postgres',
      instanceName: 'from-env',
    });
    expect(loadConfig(['--instance-name', 'from-flag', '--blobs', 'folder'], env)).toMatchObject({
      instanceName: 'from-flag',
      blobs: 'folder',
    });
  });

  it('accepts a PostgreSQL address on a Unix socket', () => {
    expect(loadConfig(['--database', 'postgres:///hearth?host=/run/postgresql'], {}).databaseUrl).toBe(
      'postgres:///hearth?host=/run/postgresql',
    );
  });

  it.each([
    [
      ['--database', 'mysql://root:hunter2@db/hearth'],
      '--database must be a PostgreSQL address like postgres://user:password@host:5432/hearth, got a mysql:// address',
    ],
    [
      ['--database', 'hunter2@db:5432'],
      '--database must be a PostgreSQL address like postgres://user:password@host:5432/hearth, got something that is not a URL',
    ],
    [
      ['--database', 'postgres:///hearth'],
      '--database must name the PostgreSQL server, like postgres://user:password@host:5432/hearth',
    ],
    [
      ['--bus', 'http://u:hunter2@cache:6379'],
      '--bus must be a Redis address like redis://host:6379 or rediss://user:password@host:6380, got a http:// address',
    ],
    [['--bus', 'redis://'], '--bus must name the Redis server, like redis://host:6379'],
    [
      ['--bus', 'redis://u:hunter2@cache:6379/queue'],
      '--bus may end only in a database number (redis://host:6379/0), not another path',
    ],
    [
      ['--trust-proxy', '10.0.0.300'],
      '--trust-proxy takes IP addresses or ranges (10.0.0.5, 10.0.0.0/24, fd00::/8) separated by commas, got "10.0.0.300"',
    ],
    [
      ['--trust-proxy', '10.0.0.0/33'],
      '--trust-proxy takes IP addresses or ranges (10.0.0.5, 10.0.0.0/24, fd00::/8) separated by commas, got "10.0.0.0/33"',
    ],
    [
      ['--trust-proxy', 'lb.internal'],
      '--trust-proxy takes IP addresses or ranges (10.0.0.5, 10.0.0.0/24, fd00::/8) separated by commas, got "lb.internal"',
    ],
    [['--trust-proxy', ' , '], '--trust-proxy must name at least one address, like 10.0.0.5 or 10.0.0.0/24'],
    [['--blobs', 's3'], '--blobs must be folder or postgres, got "s3"'],
    [['--blobs', 'postgres'], '--blobs postgres keeps attachments in PostgreSQL, so it needs --database postgres://…'],
    [
      ['--instance-name', 'relay a'],
      '--instance-name must be 1–63 letters, digits, dots, dashes or underscores, starting with a letter or digit, got "relay a"',
    ],
    [
      ['--instance-name=-a'],
      '--instance-name must be 1–63 letters, digits, dots, dashes or underscores, starting with a letter or digit, got "-a"',
    ],
    [['--bus-prefix', 'a b'], '--bus-prefix must be 1–64 letters, digits, colons, dots or dashes, got "a b"'],
  ])('refuses %j with a sentence', (argv, sentence) => {
    expect(refusal(argv)).toBe(sentence);
  });

  it('names the environment variable when the bad value came from there', () => {
    expect(refusal([], { HEARTH_DATABASE_URL: 'sqlite://x' })).toMatch(/^HEARTH_DATABASE_URL must be a PostgreSQL address/);
    expect(refusal([], { HEARTH_BUS_URL: 'nats://x' })).toMatch(/^HEARTH_BUS_URL must be a Redis address/);
    expect(refusal([], { HEARTH_TRUST_PROXY: 'x' })).toMatch(/^HEARTH_TRUST_PROXY takes IP addresses/);
  });

  it('never repeats a password, not even in a stray argument', () => {
    for (const argv of [
      ['--database', 'mysql://root:hunter2@db/hearth'],
      ['--database', 'hunter2@db:5432'],
      ['--bus', 'http://u:hunter2@cache:6379'],
      ['--bus', 'redis://u:hunter2@cache:6379/queue'],
      ['--port', '1', 'postgres://u:hunter2@db/hearth'],
    ]) {
      expect(refusal(argv)).not.toContain('hunter2');
    }
  });

  it('lists the cluster flags and their variables in --help', () => {
    for (const flag of ['--database', '--bus', '--bus-prefix', '--trust-proxy', '--blobs', '--instance-name']) {
      expect(USAGE).toContain(flag);
    }
    for (const name of ['HEARTH_DATABASE_URL', 'HEARTH_BUS_URL', 'HEARTH_TRUST_PROXY', 'HEARTH_BLOBS', 'HEARTH_INSTANCE_NAME']) {
      expect(USAGE).toContain(name);
    }
  });
});
