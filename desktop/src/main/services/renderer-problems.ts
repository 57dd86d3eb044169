import type { ProblemReport } from '@hearth/common';
import type { Logger } from '../logging/logger';

export type RendererProblemsOptions = Readonly<{
  logger: Logger;
  now: () => number;
  /** Reports logged per window; the rest are counted and summed up in one line. Default 30. */
  maxPerWindow?: number;
  /** The window's length. Default one minute. */
  windowMs?: number;
}>;

export type RendererProblemsService = Readonly<{
  /** Logs one report (already checked against `ProblemReport`), unless the window's cap is reached. */
  report: (problem: ProblemReport) => void;
}>;

/**
 * The renderer's log, kept by main: each report is one warn line of codes under the
 * `renderer` component. A renderer gone wrong (or one that was taken over) cannot flood the log:
 * past the cap, reports are only counted until the window ends, then one line says how many.
 */
export function createRendererProblemsService(options: RendererProblemsOptions): RendererProblemsService {
  const log = options.logger.child({ component: 'renderer' });
  const max = options.maxPerWindow ?? 30;
  const windowMs = options.windowMs ?? 60_000;
  let windowStart = Number.NEGATIVE_INFINITY;
  let logged = 0;
  let dropped = 0;
  return Object.freeze({
    report(problem: ProblemReport): void {
      const at = options.now();
      if (at - windowStart >= windowMs) {
        if (dropped > 0) log.warn({ dropped, windowMs }, 'renderer problems over the cap were not logged');
        windowStart = at;
        logged = 0;
        dropped = 0;
      }
      if (logged >= max) {
        dropped += 1;
        return;
      }
      logged += 1;
      log.warn({ area: problem.area, code: problem.code, error: problem.error, count: problem.count ?? 1 }, 'renderer problem');
    },
  });
}
