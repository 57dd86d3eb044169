import { afterEach, beforeEach } from 'vitest';
import { buildTestApp, type TestOverrides, type TestRelay } from './helpers';
import { listenForWs, socketPool, type SocketPool } from './ws-client';

/**
 * For each test of the file or describe block this is called in: a new relay listening for
 * WebSockets, then `setup(relay, url)`; after the test, the sockets opened through the returned
 * pool, then the relay, are closed. `overrides` is read at each start.
 */
export function relayWithSocketsPerTest(
  setup: (relay: TestRelay, url: string) => void | Promise<void>,
  overrides: () => TestOverrides = () => ({}),
): SocketPool {
  const sockets = socketPool();
  let relay: TestRelay | undefined;
  beforeEach(async () => {
    relay = await buildTestApp(overrides());
    await setup(relay, await listenForWs(relay.app));
  });
  afterEach(async () => {
    await sockets.closeAll();
    await relay?.close();
  });
  return sockets;
}
