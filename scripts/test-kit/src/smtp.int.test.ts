import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { startTestSmtp, type TestSmtp } from './smtp';

describe('the test SMTP server', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  afterAll(() => smtp.close());

  it('receives what nodemailer sends over SMTP and finds the code in it', async () => {
    const transport = nodemailer.createTransport(smtp.url);
    await transport.sendMail({
      from: 'relay@example.org',
      to: 'Grown.Up@example.org',
      subject: 'Your code',
      text: 'Type 482913 in Hearth.',
    });
    transport.close();
    expect(await smtp.waitForCode('grown.up@example.org')).toBe('482913');
    expect(smtp.mailTo('someone.else@example.org')).toEqual([]);
    expect(smtp.inbox()[0]?.subject).toBe('Your code');
  });
});
