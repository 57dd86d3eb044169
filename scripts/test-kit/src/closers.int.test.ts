import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createClosers, settleAll } from './closers';

const spawned: ChildProcess[] = [];
afterAll(() => {
  for (const child of spawned) child.kill('SIGKILL'); // even when a test failed
});

/** A real process that runs until killed, started after `delayMs` (like a relay still starting). */
async function slowProcess(delayMs: number): Promise<ChildProcess> {
  await new Promise((r) => setTimeout(r, delayMs));
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  spawned.push(child);
  return child;
}

const running = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;

describe('a world that fails part-way', () => {
  it('stops the process still starting beside the step that failed', async () => {
    const closers = createClosers();
    let started: ChildProcess | undefined;
    const stop = (child: ChildProcess): Promise<void> =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    await expect(
      settleAll([
        Promise.reject(new Error('the fake camera failed')),
        slowProcess(200).then((child) => {
          started = child;
          return closers.add(child, () => stop(child));
        }),
      ]),
    ).rejects.toThrow('the fake camera failed');
    // settleAll waited for the process, so it is registered and closeAll stops it.
    expect(started && running(started)).toBe(true);
    await closers.closeAll();
    expect(started && running(started)).toBe(false);
  });

  it('closes newest first, and one failing close does not keep the others open', async () => {
    const closers = createClosers();
    const closed: string[] = [];
    closers.add('relay', () => closed.push('relay'));
    closers.add('pc', () => {
      throw new Error('already gone');
    });
    closers.add('browser', async () => {
      closed.push('browser');
    });
    await closers.closeAll();
    expect(closed).toEqual(['browser', 'relay']);
    await closers.closeAll();
    expect(closed).toEqual(['browser', 'relay']);
  });
});
