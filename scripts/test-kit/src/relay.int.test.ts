import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestRelay } from './relay';

describe('the test relay', () => {
  it('stops within seconds even while a client holds a request open (as close-with-grace would)', async () => {
    const relay = await startTestRelay();
    const socket = net.connect(relay.port, '127.0.0.1');
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // Headers never finished: Node would keep this request, and the server, for its 60 s headersTimeout.
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await relay.dispose();
    expect(Date.now() - started).toBeLessThan(10_000);
    socket.destroy();
  }, 20_000);
});
