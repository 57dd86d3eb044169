import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchSignaling } from './signaling';

/** `npm run bench:relay`: signaling, then the durable queue when its bench exists. */
async function main(): Promise<void> {
  await benchSignaling();
  const queue = fileURLToPath(new URL('./queue.ts', import.meta.url));
  if (fs.existsSync(queue)) {
    const mod = (await import(queue)) as { benchQueue: () => Promise<void> };
    await mod.benchQueue();
  }
}

main().then(
  // The `peer` server keeps timers it cannot stop; end the process when the benches are done.
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
