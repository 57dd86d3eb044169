import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, HEARTH_CHANNELS } from './channels';
import { EVENT_NAMES } from './events';
import { createHearthClient, ipcChannelName, type HearthTransport } from './api';

describe('the IPC contract', () => {
  it('takes one closed argument object on every channel, so unknown fields are refused', () => {
    for (const name of CHANNEL_NAMES) {
      const args = HEARTH_CHANNELS[name].args as { type?: string; additionalProperties?: unknown };
      expect(args.type, name).toBe('object');
      expect(args.additionalProperties, name).toBe(false);
    }
  });

  it('gives every channel its own Electron IPC name', () => {
    expect(new Set(CHANNEL_NAMES.map(ipcChannelName)).size).toBe(CHANNEL_NAMES.length);
  });
});

describe('createHearthClient', () => {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const transport: HearthTransport = {
    invoke: async (channel, args) => {
      calls.push([channel, args]);
      if (channel === 'getPolicy') throw new Error('link down');
      return { ok: true, value: { channel } };
    },
    subscribe: (event, listener) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  };
  const api = createHearthClient(transport);

  it('has one method per channel and `on`, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends {} for a call without arguments, and never rejects', async () => {
    expect(await api.getAppInfo()).toEqual({ ok: true, value: { channel: 'getAppInfo' } });
    expect(calls.at(-1)).toEqual(['getAppInfo', {}]);
    expect(await api.getPolicy()).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('subscribes to events and stops on unsubscribe', () => {
    const seen: unknown[] = [];
    const off = api.on('presence', (p) => seen.push(p));
    listeners.get('presence')?.({ contactId: 'x', presence: 'online' });
    off();
    expect(listeners.has('presence')).toBe(false);
    expect(seen).toEqual([{ contactId: 'x', presence: 'online' }]);
    expect(EVENT_NAMES).toContain('presence');
  });
});
