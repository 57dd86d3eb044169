import type { Scheduler } from '../lock/parent-lock';
import { createLogger, type Logger } from '../logging/logger';

/** A logger whose lines a test reads (games tests look for the refusal lines). */
export function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('test', {
    level: 'info',
    destination: { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) },
  });
  return { logger, lines };
}

type Job = { fn: () => void; ms: number; done: boolean };

/** Timers a test fires by hand: `fire` runs those asked for with a delay `which` accepts. */
export function manualTimers(): { schedule: Scheduler; jobs: Job[]; fire: (which: (ms: number) => boolean) => number } {
  const jobs: Job[] = [];
  return {
    jobs,
    schedule: (fn, ms) => {
      const job = { fn, ms, done: false };
      jobs.push(job);
      return () => {
        job.done = true;
      };
    },
    fire(which) {
      const due = jobs.filter((j) => !j.done && which(j.ms));
      for (const j of due) {
        j.done = true;
        j.fn();
      }
      return due.length;
    },
  };
}
