import type { RelayConfig } from '../config';
import type { ParentRow } from '../accounts/queries';
import { emailKeyOf, issueCode } from '../email/codes';
import type { Store } from '../store/port';
import { ErrorCode, HearthError } from '@hearth/common';
import { createEvents } from '../context';
import { removeGuardianByOperator } from '../family/operator';
import { NO_MAIL } from '../mail/mailer';
import { MODERATION_COMMANDS, type ModerationArgs } from '../moderation/cli-commands';

/** What a command gets: the relay's store (SQLite or PostgreSQL), its settings, a clock and ids, and where to write. */
export type AdminContext = Readonly<{
  store: Store;
  config: RelayConfig;
  now: () => number;
  newId: () => string;
  out: (line: string) => void;
  err: (line: string) => void;
  /** The environment (the moderators' commands read HEARTH_MODERATOR_PASSWORD). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The password when it is piped in (stdin not a TTY), read once on demand. */
  readStdin?: () => Promise<string>;
}>;

export type AdminArgs = Readonly<{ email?: string; child?: string; guardian?: string } & ModerationArgs>;

export type AdminCommand = Readonly<{
  name: string;
  /** The flags it takes, for the usage text. */
  usage: string;
  summary: string;
  /** Needs the database (every command but `help`). */
  usesDatabase: boolean;
  /** The exit status: 0 done, 1 refused (with a sentence on stderr), 2 a usage mistake. */
  run: (ctx: AdminContext, args: AdminArgs) => Promise<number>;
}>;

type Account = ParentRow;

/**
 * A command's run on one grown-up's account, named by `--email`: exit status 2 without the flag,
 * 1 when no account on this relay has that email.
 */
function onAccount(command: string, run: (ctx: AdminContext, parent: Account) => Promise<number>): AdminCommand['run'] {
  return async (ctx, args) => {
    const email = args.email?.trim();
    if (email === undefined || email === '') {
      ctx.err(`${command} needs --email ADDRESS (the grown-up's account email).`);
      return 2;
    }
    const parent = await ctx.store.accounts.getParentByEmail(email);
    if (!parent) {
      ctx.err(`No grown-up's account has the email ${email} on this relay.`);
      return 1;
    }
    return run(ctx, parent);
  };
}

const resetPassword: AdminCommand = {
  name: 'reset-password',
  usage: '--email ADDRESS',
  summary: `Prints a one-time six-digit code (valid 30 minutes) for the grown-up to type in Hearth's "Forgot password" form with a new password.`,
  usesDatabase: true,
  run: onAccount('reset-password', async (ctx, parent) => {
    const code = await issueCode(ctx, {
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
  }),
};

const verifyEmail: AdminCommand = {
  name: 'verify-email',
  usage: '--email ADDRESS',
  summary: 'Marks the account email as verified (you checked it yourself), so it works on a relay that sends email.',
  usesDatabase: true,
  run: onAccount('verify-email', async (ctx, parent) => {
    if (parent.emailVerifiedAt !== null) {
      ctx.out(`${parent.email} was already verified.`);
      return 0;
    }
    await ctx.store.email.setEmailVerified(parent.id, ctx.now());
    ctx.out(`${parent.email} is now verified.`);
    return 0;
  }),
};

const removeGuardian: AdminCommand = {
  name: 'remove-guardian',
  usage: '--child CHILD_ID --guardian PARENT_ID',
  summary:
    'Removes a guardian from a child (never the last one). Their family link ends at once and the other guardians are told.',
  usesDatabase: true,
  async run(ctx, args) {
    const childId = args.child?.trim();
    const parentId = args.guardian?.trim();
    if (!childId || !parentId) {
      ctx.err('remove-guardian needs --child CHILD_ID and --guardian PARENT_ID (show-family --email ADDRESS lists them).');
      return 2;
    }
    try {
      // Nobody listens to this process's events: a running relay sees the change at its next housekeeping round (friend caches reload).
      await removeGuardianByOperator({ ...ctx, events: createEvents(), mailer: NO_MAIL }, childId, parentId);
    } catch (e) {
      if (e instanceof HearthError && e.code === ErrorCode.LastGuardian) {
        ctx.err(`That grown-up is the child's last guardian: a child always keeps one. Add another guardian first.`);
        return 1;
      }
      if (e instanceof HearthError && e.code === ErrorCode.NotFound) {
        ctx.err(`No child ${childId} with a guardian ${parentId} on this relay.`);
        return 1;
      }
      throw e;
    }
    ctx.out(`Removed guardian ${parentId} from child ${childId}.`);
    return 0;
  },
};

const showFamily: AdminCommand = {
  name: 'show-family',
  usage: '--email ADDRESS',
  summary: "Lists the children this grown-up is a guardian of, with each child's guardians and trusted grown-ups and their ids.",
  usesDatabase: true,
  run: onAccount('show-family', async (ctx, parent) => {
    const children = await ctx.store.accounts.listChildrenOfParent(parent.id);
    if (children.length === 0) ctx.out(`${parent.email} (${parent.id}) is no child's guardian.`);
    for (const child of children) {
      ctx.out(`child ${child.id}  ${child.displayName}`);
      for (const g of await ctx.store.family.listGuardians(child.id))
        ctx.out(`  guardian ${g.parentId}  ${g.email}  ${g.displayName}`);
      for (const t of await ctx.store.family.listTrusted(child.id))
        ctx.out(`  trusted  ${t.parentId}  ${t.email}  ${t.displayName}`);
    }
    return 0;
  }),
};

const help: AdminCommand = {
  name: 'help',
  usage: '',
  summary: 'Shows this text.',
  usesDatabase: false,
  async run(ctx) {
    ctx.out(usage());
    return 0;
  },
};

/**
 * Every `npm run relay:admin` command, in the order `help` lists them.
 * The moderators' commands (the safety issue) come here too.
 */
export const ADMIN_COMMANDS: readonly AdminCommand[] = [
  resetPassword,
  verifyEmail,
  showFamily,
  removeGuardian,
  ...MODERATION_COMMANDS,
  help,
];

export function usage(): string {
  const width = Math.max(...ADMIN_COMMANDS.map((c) => `${c.name} ${c.usage}`.trim().length)) + 2;
  const rows = ADMIN_COMMANDS.map((c) => `  ${`${c.name} ${c.usage}`.trim().padEnd(width)}${c.summary}`);
  return [
    'Usage: npm run relay:admin -- COMMAND [--data-dir DIR]   (the relay data folder, as for npm run relay; or HEARTH_DATA_DIR)',
    '       npm run relay:admin -- COMMAND --database URL     (relays on PostgreSQL: the URL they are given; or HEARTH_DATABASE_URL)',
    '',
    'Commands:',
    ...rows,
    '',
    "Exit status: 0 done, 1 refused (unknown email, no relay data, a child's last guardian, no such child and guardian), 2 a usage mistake.",
  ].join('\n');
}
