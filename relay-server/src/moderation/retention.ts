import type { RelayContext } from '../context';

/** Moderator actions are kept one year after their case closed; bans at least one year. */
export const MODERATION_RETENTION_MS = 365 * 24 * 60 * 60 * 1000;

type Ctx = Pick<RelayContext, 'store' | 'now'>;

/**
 * The audit log's retention sweep (F16), the only DELETE the log allows: every entry of a case
 * (a report, an account, a ban) whose latest entry closed it (report closed, suspension or ban
 * lifted, account closed) more than a year ago. A case with a later entry (a legal hold set
 * again, a new suspension) is open again and kept whole. Returns how many entries went.
 */
export async function sweepAudit(ctx: Ctx): Promise<number> {
  return ctx.store.moderation.sweepClosedAudit(ctx.now() - MODERATION_RETENTION_MS);
}

/** Email bans (F16): a ban in force is kept, however old; a lifted one goes a year after its lift. */
export async function sweepBans(ctx: Ctx): Promise<number> {
  return ctx.store.moderation.deleteLiftedEmailBans(ctx.now() - MODERATION_RETENTION_MS);
}
