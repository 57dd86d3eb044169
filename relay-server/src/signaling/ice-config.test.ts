import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { iceConfigFor, turnCredentials } from './ice-config';

const SECRET = 'a-long-shared-turn-secret';
const ACCOUNT = '01JABCDEFGHJKMNPQRSTVWXYZ0';

describe('TURN REST credentials', () => {
  it('match what coturn computes for use-auth-secret (openssl dgst -sha1 -hmac … | base64)', () => {
    const creds = turnCredentials(SECRET, ACCOUNT, 1767225600_000 - 3600_000, 3600);
    expect(creds).toEqual({
      username: `1767225600:${ACCOUNT}`,
      credential: 'AzlHp3Njx8EDIqeb1emZ7gAAQms=',
      expiresAt: 1767225600_000,
    });
  });
});

describe('ICE config for a device', () => {
  it('lists STUN, then TURN with credentials, and carries the transport policy', () => {
    const config = loadConfig(
      [
        '--stun-url',
        'stun:turn.example.test:3478',
        '--turn-url',
        'turn:turn.example.test:3478?transport=udp',
        '--turn-url',
        'turns:turn.example.test:5349',
        '--ice-policy',
        'relay',
      ],
      { HEARTH_TURN_SECRET: SECRET },
    );
    const ice = iceConfigFor(config.ice, ACCOUNT, 1_000_000);
    expect(ice.iceTransportPolicy).toBe('relay');
    expect(ice.iceServers[0]).toEqual({ urls: ['stun:turn.example.test:3478'] });
    expect(ice.iceServers[1]).toMatchObject({
      urls: ['turn:turn.example.test:3478?transport=udp', 'turns:turn.example.test:5349'],
      username: `${1000 + 3600}:${ACCOUNT}`,
    });
    expect(ice.expiresAt).toBe((1000 + 3600) * 1000);
  });

  it('has no servers at all by default', () => {
    expect(iceConfigFor(loadConfig([], {}).ice, ACCOUNT, 0)).toEqual({
      iceServers: [],
      iceTransportPolicy: 'all',
      expiresAt: null,
    });
  });

  it('reads comma-separated URLs from the environment; flags win', () => {
    const env = {
      HEARTH_TURN_URLS: 'turn:a.test:3478, turns:a.test:5349',
      HEARTH_TURN_SECRET: SECRET,
      HEARTH_STUN_URLS: 'stun:a.test',
    };
    expect(loadConfig([], env).ice).toMatchObject({
      turnUrls: ['turn:a.test:3478', 'turns:a.test:5349'],
      stunUrls: ['stun:a.test'],
    });
    expect(loadConfig(['--turn-url', 'turn:b.test'], env).ice.turnUrls).toEqual(['turn:b.test']);
  });

  it.each([
    [['--turn-url', 'turn:a.test'], {}, /needs --turn-secret/],
    [['--turn-url', 'http://a.test', '--turn-secret', SECRET], {}, /--turn-url must look like turn:/],
    [['--stun-url', 'turn:a.test'], {}, /--stun-url must look like stun:/],
    [['--turn-url', 'turn:a.test', '--turn-secret', 'short'], {}, /at least 16/],
    [['--ice-policy', 'relay'], {}, /needs a --turn-url/],
    [['--ice-policy', 'sometimes'], {}, /all or relay/],
  ] as const)('refuses %j with a sentence', (argv, env, message) => {
    expect(() => loadConfig(argv, env)).toThrow(ConfigError);
    expect(() => loadConfig(argv, env)).toThrow(message);
  });
});
