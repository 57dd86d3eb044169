import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, PARENT_ONLY_CHANNELS, type ChannelName } from '@hearth/common';
import { silentLogger } from '../logging/logger';
import { createHandlers } from './handlers';
import { PARENT_ONLY_SAMPLE_ARGS } from './parent-only-samples';
import type { Services } from './services';

/**
 * Services where every method records its call. The state readers the guard needs answer as
 * an unlocked pane with a child at the PC (unless `state` says otherwise), so only validation can stop a call.
 */
function spyServices(state: Readonly<Record<string, unknown>> = {}): { services: Services; calls: string[] } {
  const calls: string[] = [];
  const guardReaders: Record<string, unknown> = {
    'lock.state': 'unlocked',
    'lock.session': { sessionId: 'x' },
    'profiles.activeChildId': '01J0000000000000000000000A',
    'profiles.requireActive': '01J0000000000000000000000A',
    'profiles.activeKind': 'child',
    ...state,
  };
  const service = (name: string): unknown =>
    new Proxy(
      {},
      {
        get: (_t, method: string) => (): unknown => {
          const key = `${name}.${method}`;
          if (key in guardReaders) return guardReaders[key];
          calls.push(key);
          return undefined;
        },
      },
    );
  const names = [
    'app',
    'settings',
    'lock',
    'profiles',
    'parent',
    'parentMode',
    'family',
    'approvals',
    'friends',
    'messages',
    'attachments',
    'records',
    'calls',
    'backgrounds',
    'problems',
  ];
  return { services: Object.fromEntries(names.map((n) => [n, service(n)])) as unknown as Services, calls };
}

const MALFORMED: readonly unknown[] = [undefined, null, 'text', 42, [], { unexpected: true }];

describe('IPC handlers', () => {
  it('has a handler for every channel of the contract', () => {
    const { services } = spyServices();
    expect(Object.keys(createHandlers(services, silentLogger())).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it.each(CHANNEL_NAMES.map((c) => [c]))(
    'refuses malformed arguments for %s before any service sees them',
    async (channel: ChannelName) => {
      const { services, calls } = spyServices();
      const handlers = createHandlers(services, silentLogger());
      for (const args of MALFORMED) {
        const result = await handlers[channel](args);
        expect(result, `${channel}(${JSON.stringify(args)})`).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      }
      expect(calls).toEqual([]);
    },
  );

  it('refuses arguments that break a field’s rules (bad id, over-long text, wrong kind)', async () => {
    const { services, calls } = spyServices();
    const h = createHandlers(services, silentLogger());
    const bad: [ChannelName, unknown][] = [
      ['selectProfile', { childId: '../../etc/passwd' }],
      ['sendMessage', { contactId: '01J0000000000000000000000A', content: { kind: 'text', text: 'x'.repeat(5000) } }],
      ['sendMessage', { contactId: '01J0000000000000000000000A', content: { kind: 'script', src: 'evil' } }],
      ['unlock', { password: '' }],
      ['updateSettings', {}],
      ['updateSettings', { autoLockMinutes: 0 }],
      ['actOnFriendship', { friendshipId: '01J0000000000000000000000A', action: 'approve' }],
      ['addAttachment', { kind: 'photo', mime: 'application/x-msdownload', dataBase64: 'AAAA' }],
      ['readAttachment', { hash: '../secret' }],
    ];
    for (const [channel, args] of bad) {
      expect(await h[channel](args), channel).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    expect(calls).toEqual([]);
  });

  it('passes well-formed arguments through to the service', async () => {
    const { services, calls } = spyServices();
    const h = createHandlers(services, silentLogger());
    await h.searchMessages({ query: 'cat' });
    expect(calls).toEqual(['messages.search']);
  });

  it('refuses every parent-only channel with LOCKED while locked, before any service runs', async () => {
    const { services, calls } = spyServices({ 'lock.state': 'locked', 'lock.session': null });
    const h = createHandlers(services, silentLogger());
    // A new parent-only channel needs sample arguments here, or only validation would refuse it.
    expect(Object.keys(PARENT_ONLY_SAMPLE_ARGS).sort()).toEqual([...PARENT_ONLY_CHANNELS].sort());
    expect(PARENT_ONLY_CHANNELS).toEqual(expect.arrayContaining(['actOnFriendshipAsParent', 'updateSettings', 'createChild']));
    expect(PARENT_ONLY_CHANNELS).not.toContain('sendMessage');
    expect(PARENT_ONLY_CHANNELS).not.toContain('unlock');
    for (const channel of PARENT_ONLY_CHANNELS) {
      expect(await h[channel](PARENT_ONLY_SAMPLE_ARGS[channel]), channel).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    }
    expect(calls).toEqual([]);
  });
});
