import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { waitFor } from './ports';

/** One email the test SMTP server received. */
export type ReceivedMail = Readonly<{ to: readonly string[]; from: string; subject: string; text: string; at: number }>;

export type TestSmtp = Readonly<{
  /** For the relay's `--smtp-url`. */
  url: string;
  port: number;
  /** Everything received so far, oldest first. */
  inbox: () => readonly ReceivedMail[];
  /** Mail to this address (case-insensitive), newest first. */
  mailTo: (address: string) => readonly ReceivedMail[];
  /** Waits for the `n`-th mail (1 = the first) to this address whose text matches, and returns it. */
  waitForMail: (address: string, match?: RegExp, timeoutMs?: number) => Promise<ReceivedMail>;
  /** The six-digit code in the newest mail to this address (waits for one). */
  waitForCode: (address: string, timeoutMs?: number) => Promise<string>;
  close: () => Promise<void>;
}>;

/**
 * A real SMTP server on loopback (the `smtp-server` package), accepting any mail without
 * authentication and keeping it in memory for the test to read: the relay sends to it exactly as
 * it would to a provider's server.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            at: Date.now(),
          });
          callback();
        })
        .catch((err: unknown) => callback(err as Error));
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  const mailTo = (address: string): ReceivedMail[] => received.filter((m) => m.to.includes(address.toLowerCase())).reverse();
  return Object.freeze({
    url: `smtp://127.0.0.1:${port}`,
    port,
    inbox: () => [...received],
    mailTo,
    waitForMail: (address: string, match?: RegExp, timeoutMs = 15_000) =>
      waitFor(
        () => mailTo(address).find((m) => !match || match.test(m.text) || match.test(m.subject)),
        timeoutMs,
        `mail to ${address}`,
      ),
    async waitForCode(address: string, timeoutMs = 15_000): Promise<string> {
      const mail = await waitFor(
        () => mailTo(address).find((m) => /\b\d{6}\b/.test(m.text)),
        timeoutMs,
        `a code mailed to ${address}`,
      );
      return (/\b(\d{6})\b/.exec(mail.text) as RegExpExecArray)[1] as string;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
