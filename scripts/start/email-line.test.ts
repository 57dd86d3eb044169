import { describe, expect, it } from 'vitest';
import { emailLine } from './email-line';

describe('the email line of npm start', () => {
  it('says nothing without HEARTH_SMTP_URL ("no email" mode, as before)', () => {
    expect(emailLine({})).toBeNull();
    expect(emailLine({ HEARTH_SMTP_URL: ' ' })).toBeNull();
  });

  it('names the SMTP server, never its user or password', () => {
    const line = emailLine({ HEARTH_SMTP_URL: 'smtp://hearth:s3cret@mail.example.org:587' });
    expect(line).toMatch(/^hearth: the relay sends email through smtp:\/\/mail\.example\.org:587/);
    expect(line).not.toMatch(/s3cret|hearth@/);
  });
});
