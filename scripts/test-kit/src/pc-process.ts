/**
 * Tests and the benchmark only: one family PC (the desktop core behind its web host) in its own
 * process, as in real life, where each PC and the relay have their own event loop. Started with
 * its options as JSON in argv[2]; prints `READY <page url>`; stops on SIGTERM or when stdin closes.
 */
import { silentLogger } from '@hearth/desktop/main/logging/logger';
import { launchWebHostApp } from '@hearth/desktop/main/web-host/launch';

export type PcProcessOptions = Readonly<{
  relayUrl: string;
  dataDir: string;
  rendererDir: string;
  ringTimeoutMs?: number;
}>;

const options = JSON.parse(process.argv[2] ?? '{}') as PcProcessOptions;
const app = await launchWebHostApp({
  relayUrl: options.relayUrl,
  dataDir: options.dataDir,
  rendererDir: options.rendererDir,
  appVersion: '0.1.0-bench',
  logger: silentLogger(),
  ...(options.ringTimeoutMs !== undefined ? { callRingTimeoutMs: options.ringTimeoutMs } : {}),
});
process.stdout.write(`READY ${app.host.url}\n`);

let closing = false;
const close = (): void => {
  if (closing) return;
  closing = true;
  void app.close().finally(() => process.exit(0));
};
process.on('SIGTERM', close);
process.stdin.on('end', close);
process.stdin.resume();
