import nodemailer from 'nodemailer';
import type { Mailer, OutgoingMail } from './mailer';

type Log = Readonly<{ warn: (obj: object, msg: string) => void }>;

/**
 * Email through the SMTP server in `--smtp-url`, with nodemailer (pooled connections). A failed
 * send is logged without the recipient's address, and never changes the answer a caller gets.
 */
export function createSmtpMailer(smtpUrl: string, from: string, log: Log): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, { from });
  return Object.freeze({
    enabled: true,
    async send(mail: OutgoingMail): Promise<void> {
      try {
        await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
      } catch (err) {
        log.warn({ err: { message: (err as Error).message, code: (err as { code?: unknown }).code } }, 'sending an email failed');
      }
    },
    async close(): Promise<void> {
      transport.close();
    },
  });
}
