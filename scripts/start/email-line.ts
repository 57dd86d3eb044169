/**
 * Email for `npm start`'s relay (issue 12): the relay reads HEARTH_SMTP_URL itself (as it would
 * `--smtp-url`), and `npm start` passes its environment on. Unset: "no email" mode, as before.
 */

/** The line `npm start` prints for a relay it starts with email, naming the server without its password; null without. */
export function emailLine(env: Readonly<Record<string, string | undefined>>): string | null {
  const url = env.HEARTH_SMTP_URL;
  if (url === undefined || url.trim() === '') return null;
  let where = 'the SMTP server in HEARTH_SMTP_URL';
  try {
    const parsed = new URL(url);
    where = `${parsed.protocol}//${parsed.host}`;
  } catch {
    // The relay says what is wrong with it, and stops.
  }
  return `hearth: the relay sends email through ${where}: grown-ups confirm their email and get "forgot password" codes by email.`;
}
