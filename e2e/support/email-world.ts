/**
 * The machines of the email e2e tests: one renderer build, a test SMTP server, a relay that sends
 * email through it, a relay in "no email" mode, and PCs on either relay.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { startTestSmtp, type TestSmtp } from '@hearth/test-kit/smtp';
import { waitFor } from '@hearth/test-kit/ports';
import { buildRenderer, startPc, stopPc, type Pc } from './hosts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export type EmailWorld = Readonly<{
  smtp: TestSmtp;
  /** Sends email through `smtp`: verification on, recovery by email. */
  mailing: TestRelay;
  /** "No email" mode: recovery through the operator. */
  plain: TestRelay;
  newPc: (name: string, relay: TestRelay) => Promise<Pc>;
  /** Stops a PC and starts it again on the same data (main forgets the parent session it held). */
  restart: (pc: Pc, relay: TestRelay) => Promise<Pc>;
  close: () => Promise<void>;
}>;

export async function startEmailWorld(): Promise<EmailWorld> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-email-'));
  const rendererDir = await buildRenderer(work);
  const smtp = await startTestSmtp();
  const mailing = await startTestRelay({ smtpUrl: smtp.url });
  const plain = await startTestRelay();
  const pcs: Pc[] = [];
  return {
    smtp,
    mailing,
    plain,
    newPc: async (name, relay) => {
      const pc: Pc = { name, dataDir: path.join(work, name), app: null, url: '' };
      await fs.mkdir(pc.dataDir, { recursive: true });
      pcs.push(pc);
      return startPc(pc, relay, rendererDir);
    },
    restart: async (pc, relay) => {
      await stopPc(pc);
      return startPc(pc, relay, rendererDir);
    },
    close: async () => {
      for (const pc of pcs) await stopPc(pc).catch(() => undefined);
      await mailing.dispose();
      await plain.dispose();
      await smtp.close();
      await fs.rm(work, { recursive: true, force: true });
    },
  };
}

/** The code in the next mail to `address` after the `before` mails it had (the newest code, not an older one). */
export async function nextCode(smtp: TestSmtp, address: string, before: number): Promise<string> {
  const mail = await waitFor(
    () => (smtp.mailTo(address).length > before ? smtp.mailTo(address)[0] : undefined),
    15_000,
    `mail number ${before + 1} to ${address}`,
  );
  const found = /\b(\d{6})\b/.exec(mail.text);
  if (!found?.[1]) throw new Error(`no code in the mail to ${address}: ${mail.text}`);
  return found[1];
}

/** Whether this checkout has the operator's `npm run relay:admin` (issue 12). */
export function hasRelayAdmin(): boolean {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return pkg.scripts?.['relay:admin'] !== undefined;
}

/**
 * What the operator of a relay without email runs: `npm run relay:admin -- reset-password`, on the
 * relay's data folder; the code it prints.
 */
export async function operatorResetCode(relay: TestRelay, email: string): Promise<string> {
  const child = spawn(
    'npm',
    ['run', '--silent', 'relay:admin', '--', 'reset-password', '--email', email, '--data-dir', relay.dataDir],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const found = /\b(\d{6})\b/.exec(out);
  if (code !== 0 || !found?.[1]) throw new Error(`relay:admin reset-password failed (${String(code)}): ${out}`);
  return found[1];
}
