import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_DELAY_MS, createControlChannel } from './call-channel';
import type { CallMessage } from './call-protocol';
import { FakeDataConnection } from './testing/fake-peerjs';
import type { DataConnection } from 'peerjs';

const asData = (d: FakeDataConnection): DataConnection => d as unknown as DataConnection;

function channelWith(problems: string[] = []) {
  const heard: CallMessage[] = [];
  let closed = 0;
  const channel = createControlChannel((m) => problems.push(m));
  const data = new FakeDataConnection('peer-m', 'hearth-call', null);
  const attach = (): void => channel.attach(asData(data), { message: (m) => heard.push(m), close: () => (closed += 1) });
  return { channel, data, attach, heard, closed: () => closed };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the control channel', () => {
  it('keeps what is said before the channel is there, and sends it in order once it opens', () => {
    const { channel, data, attach } = channelWith();
    channel.send({ type: 'accept' });
    channel.send({ type: 'media', muted: true, cameraOff: false });
    expect(channel.attached()).toBe(false);
    attach();
    expect(channel.attached()).toBe(true);
    expect(data.sent).toEqual([]);
    data.open = true;
    data.emit('open');
    channel.send({ type: 'hangup' });
    expect(data.sent).toEqual([{ type: 'accept' }, { type: 'media', muted: true, cameraOff: false }, { type: 'hangup' }]);
  });

  it('holds what is said while a recovery’s channel is on its way, and sends it on that one, not the old', () => {
    const { channel, data, attach } = channelWith();
    attach();
    data.open = true;
    data.emit('open');
    channel.send({ type: 'media', muted: false, cameraOff: false });
    channel.hold();
    channel.send({ type: 'media', muted: true, cameraOff: false });
    channel.send({ type: 'quality', voiceOnly: false, poor: true });
    expect(data.sent).toEqual([{ type: 'media', muted: false, cameraOff: false }]);
    const next = new FakeDataConnection('peer-m', 'hearth-call', null);
    next.open = true;
    channel.attach(asData(next), { message: () => undefined, close: () => undefined });
    channel.send({ type: 'hangup' });
    expect(next.sent).toEqual([
      { type: 'media', muted: true, cameraOff: false },
      { type: 'quality', voiceOnly: false, poor: true },
      { type: 'hangup' },
    ]);
    expect(data.sent).toHaveLength(1);
  });

  it('passes on only the call protocol’s own messages, and says when the friend’s side closed', () => {
    const { data, attach, heard, closed } = channelWith();
    attach();
    data.emit('data', { type: 'hangup' });
    data.emit('data', { type: 'hangup', extra: true });
    data.emit('data', 'hangup');
    expect(heard).toEqual([{ type: 'hangup' }]);
    data.close();
    expect(closed()).toBe(1);
  });

  it('closes gently after a moment, so a last message can leave, or at once', () => {
    vi.useFakeTimers();
    const gentle = channelWith();
    gentle.attach();
    gentle.channel.close(true);
    expect(gentle.data.closed).toBe(false);
    vi.advanceTimersByTime(CLOSE_DELAY_MS);
    expect(gentle.data.closed).toBe(true);
    const sudden = channelWith();
    sudden.attach();
    sudden.channel.close(false);
    expect(sudden.data.closed).toBe(true);
  });
});
