import type { WritableDB } from '@hearth/sqlite';
import type { RelayConfig } from '../config';
import { getParentByEmail } from '../accounts/queries';
import { emailKeyOf, issueCode } from '../email/codes';
import { setEmailVerified } from '../email/queries';

/** What a command gets: the relay's database (migrated), its settings, a clock and ids, and where to write. */
export type AdminContext = Readonly<{
  db: WritableDB;
  config: RelayConfig;
  now: () => number;
  newId: () => string;
  out: (line: string) => void;
  err: (line: string) => void;
}>;

export type AdminArgs = Readonly<{ email?: string }>;

export type AdminCommand = Readonly<{
  name: string;
  /** The flags it takes, for the usage text. */
  usage: string;
  summary: string;
  /** Needs the database (every command but `help`). */
  usesDatabase: boolean;
  /** The exit status: 0 done, 1 refused (with a sentence on stderr), 2 a usage mistake. */
  run: (ctx: AdminContext, args: AdminArgs) => number;
}>;

function needEmail(ctx: AdminContext, args: AdminArgs, command: string): string | undefined {
  if (args.email === undefined || args.email.trim() === '') {
    ctx.err(`${command} needs --email ADDRESS (the grown-up's account email).`);
    return undefined;
  }
  return args.email.trim();
}

const resetPassword: AdminCommand = {
  name: 'reset-password',
  usage: '--email ADDRESS',
  summary: `Prints a one-time six-digit code (valid 30 minutes) for the grown-up to type in Hearth's "Forgot password" form with a new password.`,
  usesDatabase: true,
  run(ctx, args) {
    const email = needEmail(ctx, args, 'reset-password');
    if (email === undefined) return 2;
    const parent = getParentByEmail(ctx.db, email);
    if (!parent) {
      ctx.err(`No grown-up's account has the email ${email} on this relay.`);
      return 1;
    }
    const code = issueCode(ctx, {
      purpose: 'reset',
      emailKey: emailKeyOf(parent.email),
      accountId: parent.id,
      sentBy: 'operator',
    });
    const minutes = Math.round(ctx.config.emailCodeTtlMs / 60_000);
    ctx.out(`Reset code for ${parent.email}: ${code}`);
    ctx.out(
      `Valid for ${minutes} minutes, once. Give it to the grown-up yourself (in person or by phone): in Hearth they choose ` +
        `"Forgot password", then type this code and a new password. Every session of the account ends; their children's PCs stay enrolled.`,
    );
    return 0;
  },
};

const verifyEmail: AdminCommand = {
  name: 'verify-email',
  usage: '--email ADDRESS',
  summary: 'Marks the account email as verified (you checked it yourself), so it works on a relay that sends email.',
  usesDatabase: true,
  run(ctx, args) {
    const email = needEmail(ctx, args, 'verify-email');
    if (email === undefined) return 2;
    const parent = getParentByEmail(ctx.db, email);
    if (!parent) {
      ctx.err(`No grown-up's account has the email ${email} on this relay.`);
      return 1;
    }
    if (parent.emailVerifiedAt !== null) {
      ctx.out(`${parent.email} was already verified.`);
      return 0;
    }
    setEmailVerified(ctx.db, parent.id, ctx.now());
    ctx.out(`${parent.email} is now verified.`);
    return 0;
  },
};

const help: AdminCommand = {
  name: 'help',
  usage: '',
  summary: 'Shows this text.',
  usesDatabase: false,
  run(ctx) {
    ctx.out(usage());
    return 0;
  },
};

/**
 * Every `npm run relay:admin` command, in the order `help` lists them.
 * MERGE: add `remove-guardian` (from the f/relay-family branch) here; the moderators' commands
 * (the safety issue) come here too.
 */
export const ADMIN_COMMANDS: readonly AdminCommand[] = [resetPassword, verifyEmail, help];

export function usage(): string {
  const rows = ADMIN_COMMANDS.map((c) => `  ${`${c.name} ${c.usage}`.trim().padEnd(32)} ${c.summary}`);
  return [
    'Usage: npm run relay:admin -- COMMAND [--data-dir DIR]   (the relay data folder, as for npm run relay; or HEARTH_DATA_DIR)',
    '',
    'Commands:',
    ...rows,
    '',
    'Exit status: 0 done, 1 refused (unknown email, no relay data), 2 a usage mistake.',
  ].join('\n');
}
