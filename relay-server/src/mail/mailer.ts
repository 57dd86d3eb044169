/**
 * Email, as the relay sends it (issue 12). Where `--smtp-url` is set the relay verifies emails,
 * sends invitation codes and "forgot password" codes; without it ("no email" mode, the default
 * for a family's own relay) `enabled` is false and nothing is ever sent.
 */
export type OutgoingMail = Readonly<{ to: string; subject: string; text: string }>;

export type Mailer = Readonly<{
  /** False in "no email" mode: verification is off, codes are passed on by hand. */
  enabled: boolean;
  /** Sends one email. Never throws: a failure is logged, and the caller's answer does not change. */
  send: (mail: OutgoingMail) => Promise<void>;
  close: () => Promise<void>;
}>;

/** "No email" mode. */
export const NO_MAIL: Mailer = Object.freeze({
  enabled: false,
  send: async () => undefined,
  close: async () => undefined,
});
