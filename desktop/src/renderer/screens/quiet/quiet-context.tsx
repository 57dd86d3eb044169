import { createContext, useContext, useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { quietStatusAfter, type QuietStatus } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { reportProblem } from '../../app/report-problem';
import { useHearthEvent } from '../../app/use-event';

/** What main last passed on from the relay, and when (on the page's monotonic clock). */
type Heard = Readonly<{ status: QuietStatus; at: number }>;

const QuietContext = createContext<QuietStatus | null>(null);

/** How often the page counts the relay's durations down. */
const TICK_MS = 1_000;

/**
 * The active child's quiet time for every screen below: what the relay said, counted down on
 * `performance.now()` (never the PC's clock, which may be wrong). Null until the relay has said.
 */
export function QuietProvider({ children }: Readonly<{ children: ReactNode }>): ReactElement {
  const hearth = useHearth();
  const [heard, setHeard] = useState<Heard | null>(null);
  const [, setTick] = useState(0);
  const hear = (status: QuietStatus | null): void => setHeard(status ? { status, at: performance.now() } : null);
  useEffect(() => {
    let live = true;
    void hearth.getMyQuiet({}).then((r) => {
      if (!r.ok) reportProblem(hearth, 'app', 'get-my-quiet', r.error);
      else if (live) hear(r.value.status);
    });
    return () => {
      live = false;
    };
  }, [hearth]);
  useHearthEvent('quiet', (e) => hear(e.status));
  useEffect(() => {
    if (!heard) return undefined;
    const timer = setInterval(() => setTick((n) => n + 1), TICK_MS);
    return () => clearInterval(timer);
  }, [heard]);
  const now = heard ? quietStatusAfter(heard.status, performance.now() - heard.at) : null;
  return <QuietContext.Provider value={now}>{children}</QuietContext.Provider>;
}

/** The active child's quiet time now (null: nothing said, so nothing shown). */
export function useQuiet(): QuietStatus | null {
  return useContext(QuietContext);
}

/** `07:00` as a child reads it: `7:00`. */
export function clockText(hhmm: string): string {
  return hhmm.replace(/^0(\d)/, '$1');
}

/** Whole minutes, rounded up, for "in 3 minutes" (never 0 while time is left). */
export function minutesIn(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}
