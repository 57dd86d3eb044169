/**
 * Tests and benchmarks only: one family PC (desktop core and web host) started inside its
 * network namespace (`ip netns exec <ns> node … ns-pc-process.ts '<options json>'`). The web host
 * listens on the namespace's own loopback, where the PC's Chromium (in the same namespace) opens
 * it; a plain TCP forward on every address of the namespace lets the test reach the web host's
 * bridge from the host. Prints `READY <page url> <forward port>`; stops on SIGTERM or when stdin closes.
 */
import net from 'node:net';
import { silentLogger } from '@hearth/desktop/main/logging/logger';
import { launchWebHostApp } from '@hearth/desktop/main/web-host/launch';

export type NsPcOptions = Readonly<{ relayUrl: string; dataDir: string; rendererDir: string; ringTimeoutMs?: number }>;

const options = JSON.parse(process.argv[2] ?? '{}') as NsPcOptions;
const app = await launchWebHostApp({
  relayUrl: options.relayUrl,
  dataDir: options.dataDir,
  rendererDir: options.rendererDir,
  appVersion: '0.1.0-netpath',
  logger: silentLogger(),
  ...(options.ringTimeoutMs !== undefined ? { callRingTimeoutMs: options.ringTimeoutMs } : {}),
});
const webPort = Number(new URL(app.host.url).port);
const forward = net.createServer((socket) => {
  const upstream = net.connect(webPort, '127.0.0.1');
  socket.pipe(upstream).pipe(socket);
  const end = (): void => {
    socket.destroy();
    upstream.destroy();
  };
  socket.on('error', end);
  upstream.on('error', end);
});
await new Promise<void>((resolve) => forward.listen(0, '0.0.0.0', resolve));
process.stdout.write(`READY ${app.host.url} ${(forward.address() as net.AddressInfo).port}\n`);

let closing = false;
const close = (): void => {
  if (closing) return;
  closing = true;
  forward.close();
  void app.close().finally(() => process.exit(0));
};
process.on('SIGTERM', close);
process.stdin.on('end', close);
process.stdin.resume();
