import { ErrorCode, HearthError, SUSPENSION_CATEGORIES, type FrankingVerdict } from '@hearth/common';
import type { AdminCommand, AdminContext } from '../admin/commands';
import { createEvents } from '../context';
import { createPasswordHasher } from '../accounts/passwords';
import { NO_MAIL } from '../mail/mailer';
import { createModerator, verifyModerator, type Moderator } from './moderators';
import {
  banEmail,
  closeAccount,
  closeReport,
  isSuspensionCategory,
  liftBan,
  liftSuspension,
  listReports,
  readReport,
  setLegalHold,
  suspendAccount,
  writeAudit,
  type ModerationCtx,
} from './actions';

/** The flags of the moderators' commands (added to `relay:admin`'s parser). */
export const MODERATION_OPTIONS = {
  name: { type: 'string' },
  moderator: { type: 'string' },
  id: { type: 'string' },
  account: { type: 'string' },
  category: { type: 'string' },
  reason: { type: 'string' },
  'include-closed': { type: 'boolean' },
} as const;

export type ModerationArgs = Readonly<{
  name?: string;
  moderator?: string;
  id?: string;
  account?: string;
  category?: string;
  reason?: string;
  'include-closed'?: boolean;
}>;

type Args = Readonly<{ email?: string } & ModerationArgs>;

/** What each franking verdict is called for a moderator (F11). */
export const VERDICT_WORDS: Readonly<Record<FrankingVerdict, string>> = {
  confirmed: 'confirmed by the relay',
  'not-confirmed': 'not confirmed',
  'confirmed-picture-changed': 'message confirmed; picture changed on receipt (metadata removed)',
};

const PASSWORD_ENV = 'HEARTH_MODERATOR_PASSWORD';

async function passwordOf(ctx: AdminContext): Promise<string | undefined> {
  const fromEnv = ctx.env?.[PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const piped = ((await ctx.readStdin?.()) ?? '').replace(/\r?\n$/, '');
  return piped === '' ? undefined : piped;
}

function modCtx(ctx: AdminContext): ModerationCtx & { hasher: ReturnType<typeof createPasswordHasher> } {
  // Nobody listens to this process's events: a running relay sees a change at its next refresh round.
  return { ...ctx, events: createEvents(), mailer: NO_MAIL, hasher: createPasswordHasher(ctx.config) };
}

/** Prints a refusal by its code; other errors go up. */
function refused(ctx: AdminContext, e: unknown): number {
  if (!(e instanceof HearthError)) throw e;
  const words: Partial<Record<string, string>> = {
    [ErrorCode.NotFound]: 'Not found',
    [ErrorCode.LegalHold]: 'A legal hold keeps this report open; lift it first',
    [ErrorCode.WrongPassword]: 'Wrong moderator email or password',
    [ErrorCode.RateLimited]: 'Too many wrong passwords; wait and try again',
    [ErrorCode.Conflict]: 'Already exists',
  };
  ctx.err(`${words[e.code] ?? e.code}: ${e.message}`);
  return 1;
}

/**
 * A command a moderator runs: `--moderator EMAIL`, the password from HEARTH_MODERATOR_PASSWORD
 * (or piped in), checked as at the API's sign-in, so the audit log names who acted.
 */
function asModerator(
  command: string,
  run: (ctx: AdminContext, m: ModerationCtx, moderator: Moderator, args: Args) => Promise<number>,
): AdminCommand['run'] {
  return async (ctx, args) => {
    const email = args.moderator?.trim();
    if (!email) {
      ctx.err(`${command} needs --moderator EMAIL (and the password in ${PASSWORD_ENV}).`);
      return 2;
    }
    const password = await passwordOf(ctx);
    if (password === undefined) {
      ctx.err(`${command} needs the moderator's password in ${PASSWORD_ENV} (or piped in).`);
      return 2;
    }
    const m = modCtx(ctx);
    try {
      const moderator = await verifyModerator(m, email, password);
      return await run(ctx, m, moderator, args);
    } catch (e) {
      return refused(ctx, e);
    }
  };
}

const need = (ctx: AdminContext, command: string, flags: Readonly<Record<string, string | undefined>>): boolean => {
  const missing = Object.entries(flags).filter(([, v]) => v === undefined || v.trim() === '');
  if (missing.length === 0) return true;
  ctx.err(`${command} needs ${missing.map(([k]) => `--${k}`).join(' and ')}.`);
  return false;
};

const createModeratorCommand: AdminCommand = {
  name: 'create-moderator',
  usage: '--email ADDRESS --name NAME',
  summary: `Makes a moderator account (not a family's); the password from ${PASSWORD_ENV} or piped in.`,
  usesDatabase: true,
  async run(ctx, args) {
    if (!need(ctx, 'create-moderator', { email: args.email, name: args.name })) return 2;
    const password = await passwordOf(ctx);
    if (password === undefined) {
      ctx.err(`create-moderator needs the password in ${PASSWORD_ENV} (or piped in).`);
      return 2;
    }
    const m = modCtx(ctx);
    try {
      const made = await createModerator(m, { email: args.email as string, displayName: args.name as string, password });
      await writeAudit(m, made.id, 'create-moderator', 'moderator', made.id, null);
      ctx.out(`Moderator ${made.email} (${made.id}) created.`);
      return 0;
    } catch (e) {
      return refused(ctx, e);
    }
  },
};

const reports: AdminCommand = {
  name: 'reports',
  usage: '--moderator EMAIL [--include-closed]',
  summary: 'Lists the reports forwarded to the moderators (open ones; closed ones too with --include-closed).',
  usesDatabase: true,
  run: asModerator('reports', async (ctx, m, _mod, args) => {
    const list = await listReports(m, args['include-closed'] === true);
    if (list.length === 0) ctx.out('No forwarded reports.');
    for (const r of list) {
      const state = r.closedAt !== null ? 'closed' : 'open';
      ctx.out(
        `${r.reportId}  ${new Date(r.forwardedAt).toISOString()}  ${r.reason}  about ${r.about.kind} ${r.about.accountId} (${r.about.displayName})  ` +
          `${state}${r.legalHold ? '  legal hold' : ''}${r.forwardedAutomatically ? '  forwarded at once' : ''}`,
      );
    }
    return 0;
  }),
};

const report: AdminCommand = {
  name: 'report',
  usage: '--id REPORT_ID --moderator EMAIL',
  summary: 'Shows one forwarded report with its evidence: each message confirmed by the relay or not.',
  usesDatabase: true,
  run: asModerator('report', async (ctx, m, mod, args) => {
    if (!need(ctx, 'report', { id: args.id })) return 2;
    const r = await readReport(m, mod.id, args.id as string);
    ctx.out(`Report ${r.reportId}: ${r.reason}, from ${r.place}, made ${new Date(r.madeAt).toISOString()}`);
    ctx.out(`  by ${r.reporterName} (${r.reporterId}); about ${r.about.kind} ${r.about.displayName} (${r.about.accountId})`);
    if (r.guardianNote !== null) ctx.out(`  guardian's note: ${r.guardianNote}`);
    ctx.out(`  ${r.closedAt !== null ? 'closed' : 'open'}${r.legalHold ? ', legal hold' : ''}`);
    ctx.out(`Messages (${r.messages.length}):`);
    for (const msg of r.messages) {
      ctx.out(`  ${msg.id}  ${new Date(msg.sentAt).toISOString()}  ${msg.from} -> ${msg.to}  [${VERDICT_WORDS[msg.verdict]}]`);
      ctx.out(`    ${msg.shown}`);
    }
    ctx.out(`Calls (${r.calls.length}):`);
    for (const c of r.calls)
      ctx.out(`  ${c.callId}  ${c.direction}  ${new Date(c.startedAt).toISOString()}  ${c.durationMs} ms  ${c.outcome}`);
    ctx.out(`Files (${r.files.length}):`);
    for (const f of r.files) ctx.out(`  ${f.hash}  ${f.mime}  ${f.size} bytes  ${f.role}${f.uploaded ? '' : '  (not uploaded)'}`);
    return 0;
  }),
};

const closeReportCommand: AdminCommand = {
  name: 'close-report',
  usage: '--id REPORT_ID --moderator EMAIL [--reason TEXT]',
  summary: 'Closes a forwarded report (refused while a legal hold keeps it).',
  usesDatabase: true,
  run: asModerator('close-report', async (ctx, m, mod, args) => {
    if (!need(ctx, 'close-report', { id: args.id })) return 2;
    await closeReport(m, mod.id, args.id as string, args.reason ?? null);
    ctx.out(`Report ${args.id} closed.`);
    return 0;
  }),
};

const legalHold = (hold: boolean): AdminCommand => ({
  name: hold ? 'legal-hold' : 'lift-legal-hold',
  usage: '--id REPORT_ID --moderator EMAIL [--reason TEXT]',
  summary: hold ? 'Sets a legal hold: the report is kept (not closed, not deleted) until lifted.' : 'Lifts a legal hold.',
  usesDatabase: true,
  run: asModerator(hold ? 'legal-hold' : 'lift-legal-hold', async (ctx, m, mod, args) => {
    if (!need(ctx, hold ? 'legal-hold' : 'lift-legal-hold', { id: args.id })) return 2;
    await setLegalHold(m, mod.id, args.id as string, hold, args.reason ?? null);
    ctx.out(hold ? `Legal hold set on report ${args.id}.` : `Legal hold lifted from report ${args.id}.`);
    return 0;
  }),
});

const suspend: AdminCommand = {
  name: 'suspend',
  usage: `--account ACCOUNT_ID --category ${SUSPENSION_CATEGORIES.join('|')} --reason TEXT --moderator EMAIL`,
  summary:
    "Suspends a child (reaches only its own grown-ups) or a grown-up (cannot sign in). The reason is for moderators only; a child's guardians see the category.",
  usesDatabase: true,
  run: asModerator('suspend', async (ctx, m, mod, args) => {
    if (!need(ctx, 'suspend', { account: args.account, category: args.category, reason: args.reason })) return 2;
    const category = args.category as string;
    if (!isSuspensionCategory(category)) {
      ctx.err(`--category is one of ${SUSPENSION_CATEGORIES.join(', ')}.`);
      return 2;
    }
    const kind = await suspendAccount(m, mod.id, args.account as string, category, args.reason as string);
    ctx.out(`${kind === 'child' ? 'Child' : 'Grown-up'} ${args.account} suspended (${category}).`);
    return 0;
  }),
};

const liftSuspensionCommand: AdminCommand = {
  name: 'lift-suspension',
  usage: '--account ACCOUNT_ID --moderator EMAIL [--reason TEXT]',
  summary: 'Lifts a suspension.',
  usesDatabase: true,
  run: asModerator('lift-suspension', async (ctx, m, mod, args) => {
    if (!need(ctx, 'lift-suspension', { account: args.account })) return 2;
    await liftSuspension(m, mod.id, args.account as string, args.reason ?? null);
    ctx.out(`Suspension of ${args.account} lifted.`);
    return 0;
  }),
};

const closeAccountCommand: AdminCommand = {
  name: 'close-account',
  usage: '--account ACCOUNT_ID --reason TEXT --moderator EMAIL',
  summary: "Deletes a child's or a grown-up's account (a grown-up's children with no other guardian too).",
  usesDatabase: true,
  run: asModerator('close-account', async (ctx, m, mod, args) => {
    if (!need(ctx, 'close-account', { account: args.account, reason: args.reason })) return 2;
    const kind = await closeAccount(m, mod.id, args.account as string, args.reason as string);
    ctx.out(`${kind === 'child' ? 'Child' : 'Grown-up'} account ${args.account} closed.`);
    return 0;
  }),
};

const banEmailCommand: AdminCommand = {
  name: 'ban-email',
  usage: '--email ADDRESS --reason TEXT --moderator EMAIL',
  summary:
    'Bans an email from registering (kept only as a keyed hash). An account with it is not suspended by this: suspend it apart.',
  usesDatabase: true,
  run: asModerator('ban-email', async (ctx, m, mod, args) => {
    if (!need(ctx, 'ban-email', { email: args.email, reason: args.reason })) return 2;
    const { accountId } = await banEmail(m, mod.id, args.email as string, args.reason as string);
    ctx.out('Email banned.');
    if (accountId !== null)
      ctx.out(`Account ${accountId} has this email; it is not suspended by the ban (suspend --account ${accountId}).`);
    return 0;
  }),
};

const liftBanCommand: AdminCommand = {
  name: 'lift-ban',
  usage: '--email ADDRESS --moderator EMAIL [--reason TEXT]',
  summary: 'Lifts an email ban.',
  usesDatabase: true,
  run: asModerator('lift-ban', async (ctx, m, mod, args) => {
    if (!need(ctx, 'lift-ban', { email: args.email })) return 2;
    await liftBan(m, mod.id, args.email as string, args.reason ?? null);
    ctx.out('Ban lifted.');
    return 0;
  }),
};

const auditCommand: AdminCommand = {
  name: 'audit',
  usage: '--moderator EMAIL',
  summary: "Prints the moderators' audit log (who, when, what, why), oldest first.",
  usesDatabase: true,
  run: asModerator('audit', async (ctx, m) => {
    for (const a of await m.store.moderation.listAudit()) {
      ctx.out(
        `${new Date(a.at).toISOString()}  ${a.moderatorId}  ${a.action}  ${a.subjectKind} ${a.subjectId}${a.reason !== null ? `  ${a.reason}` : ''}`,
      );
    }
    return 0;
  }),
};

/** The moderators' `relay:admin` commands (F16). */
export const MODERATION_COMMANDS: readonly AdminCommand[] = [
  createModeratorCommand,
  reports,
  report,
  closeReportCommand,
  legalHold(true),
  legalHold(false),
  suspend,
  liftSuspensionCommand,
  closeAccountCommand,
  banEmailCommand,
  liftBanCommand,
  auditCommand,
];
