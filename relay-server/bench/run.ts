import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The benches `npm run bench:relay` runs, in order; the queue's only where its bench exists. */
const BENCHES = ['signaling', 'queue'] as const;
type Bench = (typeof BENCHES)[number];
const QUEUE_BENCH = fileURLToPath(new URL('./queue.ts', import.meta.url));

async function runOne(bench: Bench): Promise<void> {
  if (bench === 'signaling') {
    const { benchSignaling } = await import('./signaling');
    await benchSignaling();
    return;
  }
  const { benchQueue } = (await import(QUEUE_BENCH)) as {
    benchQueue: () => Promise<void>;
  };
  await benchQueue();
}

/**
 * `npm run bench:relay`: signaling, then the durable queue, each in a process of its own, so what
 * one leaves behind (the `peer` server's timers it cannot stop, the garbage of a thousand closed
 * sockets, a grown heap) weighs on nothing the next one measures. `--only <bench>` runs one here.
 */
async function main(): Promise<number> {
  const only = process.argv.indexOf('--only');
  if (only !== -1) {
    const bench = process.argv[only + 1];
    if (!BENCHES.includes(bench as Bench)) {
      console.error(`bench:relay: --only takes one of ${BENCHES.join(', ')}, not ${String(bench)}`);
      return 2;
    }
    await runOne(bench as Bench);
    return 0;
  }
  const self = fileURLToPath(import.meta.url);
  for (const bench of BENCHES) {
    if (bench === 'queue' && !fs.existsSync(QUEUE_BENCH)) continue;
    // The same node and loader flags (tsx's) as this process.
    const child = spawnSync(process.execPath, [...process.execArgv, self, '--only', bench], { stdio: 'inherit' });
    if (child.status !== 0) {
      console.error(`bench:relay: the ${bench} bench failed (${child.signal ?? `exit ${String(child.status)}`})`);
      return 1;
    }
  }
  return 0;
}

main().then(
  // The `peer` server keeps timers it cannot stop; end the process when the bench is done.
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
