import { retentionMs } from '@hearth/common';
import { sweepTombstones } from '../devices/computers';
import { sweepReports } from '../reports/retention';
import { sweepFranks } from '../franking/retention';
import { sweepAudit, sweepBans } from '../moderation/retention';
import type { NamedSweep, SweepContext } from './scheduler';

/** Sign-in failure streaks one day after the last failure, once no lock runs (`RETENTION_DAYS.signInFailures`). */
export function sweepSignInFailures(ctx: SweepContext): Promise<number> {
  const now = ctx.now();
  return ctx.store.sessions.deleteIdleSignInFailures(now - retentionMs('signInFailures'), now);
}

/**
 * Every retention rule the hourly scheduler enforces (`common/src/retention.ts` has the numbers,
 * the README and `GET /v1/policy` publish them). Not here, because they must run more often, in the
 * realtime hub's sweep every `messaging.sweepIntervalMs` (30 s), whose senders are told at once:
 * queued messages (the quiet-hours rule, `quiet/deadlines.ts` places each deadline; the sweep in
 * `messaging/sweeper.ts` expires them) and attachments (deleted when the last device acknowledges
 * their message or it expires, there and in `messaging/message-service.ts`). Log files: the
 * relay writes none (it logs to standard output); its operator keeps them `RETENTION_DAYS.logFiles`.
 */
export const SWEEPS: readonly NamedSweep[] = Object.freeze([
  { name: 'sign-in-failures', sweep: sweepSignInFailures },
  { name: 'device-tombstones', sweep: sweepTombstones },
  { name: 'forwarded-reports', sweep: sweepReports },
  { name: 'franking-records', sweep: sweepFranks },
  { name: 'moderator-actions', sweep: sweepAudit },
  { name: 'bans', sweep: sweepBans },
]);
