import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, USAGE, loadConfig } from './config';

/** The ConfigError loadConfig throws, so a test can read its message. */
function configError(argv: readonly string[], env: Record<string, string> = {}): ConfigError {
  try {
    loadConfig(argv, env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify({ argv, env })}`);
}

/** A policy folder holding the versions these tests name. */
const POLICIES = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-policies-'));
for (const version of ['2027-01', 'v2', 'f', 'e', 'next', 'half']) {
  fs.mkdirSync(path.join(POLICIES, version));
  for (const file of version === 'half' ? ['en.md'] : ['en.md', 'es.md', 'changes.en.md', 'changes.es.md']) {
    fs.writeFileSync(path.join(POLICIES, version, file), 'Text.');
  }
}
afterAll(() => fs.rmSync(POLICIES, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('uses the defaults when given nothing', () => {
    const config = loadConfig([], {});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8787, logLevel: 'info', dataDir: DEFAULT_CONFIG.dataDir });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads the port, host, data folder, log level and policy version from flags', () => {
    const config = loadConfig(
      ['--port', '9000', '--host', '0.0.0.0', '--data-dir', 'some/dir', '--log-level', 'debug', '--policy-version', '2027-01'],
      { HEARTH_POLICY_DIR: POLICIES },
    );
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: path.resolve('some/dir'),
      logLevel: 'debug',
      policyVersion: '2027-01',
    });
  });

  it('reads the same settings from the environment', () => {
    const config = loadConfig([], {
      PORT: '0',
      HOST: 'localhost',
      HEARTH_DATA_DIR: '/var/lib/hearth',
      LOG_LEVEL: 'warn',
      HEARTH_POLICY_VERSION: 'v2',
      HEARTH_POLICY_DIR: POLICIES,
    });
    expect(config).toMatchObject({
      port: 0,
      host: 'localhost',
      dataDir: '/var/lib/hearth',
      logLevel: 'warn',
      policyVersion: 'v2',
    });
  });

  it('lets flags win over the environment', () => {
    const config = loadConfig(
      ['--port=9001', '--log-level=error', '--data-dir=/flag', '--host=::1', '--policy-version=f', `--policy-dir=${POLICIES}`],
      {
        PORT: '9002',
        LOG_LEVEL: 'trace',
        HEARTH_DATA_DIR: '/env',
        HOST: '10.0.0.1',
        HEARTH_POLICY_VERSION: 'e',
      },
    );
    expect(config).toMatchObject({ port: 9001, logLevel: 'error', dataDir: '/flag', host: '::1', policyVersion: 'f' });
  });

  it('does not let a bad environment value spoil a good flag', () => {
    expect(loadConfig(['--port', '9000'], { PORT: 'eighty' }).port).toBe(9000);
  });

  it.each(['abc', '-1', '65536', '80.5', '1e3', ' 80', ''])(
    'refuses the port %j from a flag, naming the flag and the value',
    (raw) => {
      const err = configError([`--port=${raw}`]);
      expect(err.message).toBe(`--port must be a whole number from 0 to 65535, got "${raw}"`);
    },
  );

  it('refuses a bad PORT from the environment, naming PORT', () => {
    expect(configError([], { PORT: 'http' }).message).toBe('PORT must be a whole number from 0 to 65535, got "http"');
  });

  it('refuses an unknown log level, listing the known ones', () => {
    const err = configError(['--log-level', 'verbose']);
    expect(err.message).toMatch(/^--log-level must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"$/);
  });

  it('names LOG_LEVEL when the bad level came from the environment', () => {
    expect(configError([], { LOG_LEVEL: 'loud' }).message).toMatch(/^LOG_LEVEL must be one of .*, got "loud"$/);
  });

  it('refuses an empty data folder, a bad host and a bad policy version', () => {
    expect(configError(['--data-dir', '  ']).message).toMatch(/data-dir must not be empty/);
    expect(configError(['--host', 'evil host;rm']).message).toMatch(/--host must be an address or host name/);
    expect(configError(['--policy-version', 'a b']).message).toMatch(/--policy-version must be/);
  });

  it('takes the policies from the bundled folder unless --policy-dir or HEARTH_POLICY_DIR names another', () => {
    expect(fs.existsSync(path.join(DEFAULT_CONFIG.policyDir, DEFAULT_CONFIG.policyVersion, 'en.md'))).toBe(true);
    expect(loadConfig([], {}).policyDir).toBe(DEFAULT_CONFIG.policyDir);
    expect(loadConfig(['--policy-version', 'v2'], { HEARTH_POLICY_DIR: POLICIES }).policyDir).toBe(POLICIES);
  });

  it('keeps friendships 30 days after a policy change unless --reconsent-grace-days or HEARTH_RECONSENT_GRACE_DAYS says', () => {
    const day = 24 * 60 * 60 * 1000;
    expect(loadConfig([], {}).reconsentGraceMs).toBe(30 * day);
    expect(loadConfig(['--reconsent-grace-days', '7'], { HEARTH_RECONSENT_GRACE_DAYS: '3' }).reconsentGraceMs).toBe(7 * day);
    expect(loadConfig([], { HEARTH_RECONSENT_GRACE_DAYS: '0' }).reconsentGraceMs).toBe(0);
    expect(configError(['--reconsent-grace-days', '2.5']).message).toBe(
      '--reconsent-grace-days must be a whole number of days from 0 to 9999, got "2.5"',
    );
    expect(() => loadConfig([], { HEARTH_RECONSENT_GRACE_DAYS: 'soon' })).toThrow(/HEARTH_RECONSENT_GRACE_DAYS must be/);
  });

  it('refuses a policy version that names no folder, the draft, or a folder that lacks a file', () => {
    expect(configError(['--policy-version', '2099-01-01']).message).toBe(
      `--policy-version 2099-01-01 names no folder in the policy folder ${DEFAULT_CONFIG.policyDir}`,
    );
    expect(configError(['--policy-version', 'next', '--policy-dir', POLICIES]).message).toMatch(/draft of the next policy/);
    expect(configError(['--policy-version', 'half', '--policy-dir', POLICIES]).message).toMatch(
      /lacks es\.md, changes\.en\.md, changes\.es\.md$/,
    );
  });

  it('publishes a version named as a date on that date', () => {
    expect(loadConfig([], {}).policyPublishedAt).toBe('2026-12-04');
  });

  it('takes the oldest app version served from --min-app-version or HEARTH_MIN_APP_VERSION, and refuses a bad one', () => {
    expect(loadConfig([], {}).minAppVersion).toBe('0.1.0');
    expect(loadConfig(['--min-app-version', '0.3.0'], { HEARTH_MIN_APP_VERSION: '0.2.0' }).minAppVersion).toBe('0.3.0');
    expect(loadConfig([], { HEARTH_MIN_APP_VERSION: '0.2.0' }).minAppVersion).toBe('0.2.0');
    expect(configError(['--min-app-version', '2']).message).toMatch(/--min-app-version must be a version like 0.2.0/);
  });

  it('refuses an unknown flag or a stray argument', () => {
    expect(configError(['--prot', '80'])).toBeInstanceOf(ConfigError);
    expect(configError(['8080'])).toBeInstanceOf(ConfigError);
  });

  it('answers --help with the usage text', () => {
    expect(configError(['--help']).message).toBe(USAGE);
  });
});

describe('email (--smtp-url)', () => {
  it('defaults to "no email" mode', () => {
    expect(loadConfig([], {}).smtpUrl).toBeNull();
    expect(DEFAULT_CONFIG.smtpUrl).toBeNull();
  });

  it('reads an smtp:// or smtps:// URL from --smtp-url or HEARTH_SMTP_URL (the flag wins), and the sender', () => {
    expect(loadConfig(['--smtp-url', 'smtps://u:p@mail.example.org:465'], {}).smtpUrl).toBe('smtps://u:p@mail.example.org:465');
    const both = loadConfig(['--smtp-url', 'smtp://a.example:587'], { HEARTH_SMTP_URL: 'smtp://b.example:25' });
    expect(both.smtpUrl).toBe('smtp://a.example:587');
    expect(loadConfig([], { HEARTH_SMTP_URL: 'smtp://b.example:25' }).smtpUrl).toBe('smtp://b.example:25');
    expect(loadConfig(['--mail-from', 'Hearth <hearth@example.org>'], {}).mailFrom).toBe('Hearth <hearth@example.org>');
  });

  it('refuses a URL that is not smtp:// or smtps:// with a host, without printing its password', () => {
    for (const bad of ['http://mail.example.org', 'mail.example.org:587', 'smtp://', 'not a url']) {
      expect(configError(['--smtp-url', bad]).message).toMatch(/^--smtp-url must look like smtp:\/\/user:password@host:587/);
    }
    const message = configError(['--smtp-url', 'https://user:hunter2secret@mail.example.org']).message;
    expect(message).not.toContain('hunter2secret');
    expect(configError([], { HEARTH_SMTP_URL: 'ftp://x' }).message).toMatch(/--smtp-url must look like/);
  });

  it('refuses a sender without an address, or with a line break', () => {
    expect(configError(['--mail-from', 'Hearth']).message).toMatch(/--mail-from must be an address/);
    expect(configError(['--mail-from', 'a@b.example\nBcc: x@y.example']).message).toMatch(/--mail-from must be an address/);
  });
});

describe('attachment storage limits', () => {
  it('defaults to 512 MiB per account and 20 GiB in all', () => {
    expect(loadConfig([], {}).messaging).toMatchObject({
      attachmentQuotaBytes: 512 * 1024 ** 2,
      attachmentStoreMaxBytes: 20 * 1024 ** 3,
    });
  });

  it('reads them from flags or the environment, in bytes or with a binary unit (flags win)', () => {
    expect(loadConfig(['--attachment-quota', '64MiB', '--attachment-store-max', '1000'], {}).messaging).toMatchObject({
      attachmentQuotaBytes: 64 * 1024 ** 2,
      attachmentStoreMaxBytes: 1000,
    });
    const fromEnv = loadConfig(['--attachment-quota', '2 GiB'], {
      HEARTH_ATTACHMENT_QUOTA: '1KiB',
      HEARTH_ATTACHMENT_STORE_MAX: '3TiB',
    }).messaging;
    expect(fromEnv).toMatchObject({ attachmentQuotaBytes: 2 * 1024 ** 3, attachmentStoreMaxBytes: 3 * 1024 ** 4 });
    expect(fromEnv.attachmentMaxBytes).toBe(DEFAULT_CONFIG.messaging.attachmentMaxBytes);
  });

  it.each([
    [['--attachment-quota', '0'], {}, '--attachment-quota'],
    [['--attachment-quota=-5'], {}, '--attachment-quota'],
    [['--attachment-store-max', '10MB'], {}, '--attachment-store-max'],
    [[], { HEARTH_ATTACHMENT_STORE_MAX: 'lots' }, 'HEARTH_ATTACHMENT_STORE_MAX'],
    [[], { HEARTH_ATTACHMENT_QUOTA: '99999999999999999 GiB' }, 'HEARTH_ATTACHMENT_QUOTA'],
  ])('refuses %j %j, naming %s', (argv, env, source) => {
    expect(configError(argv, env).message).toMatch(new RegExp(`^${source} must be a whole number of bytes`));
  });
});
