import { useState, type ReactElement, type ReactNode } from 'react';
import type { IpcResult, PasswordResetArgs } from '@hearth/common';
import { CheckEmailStep } from './CheckEmailStep';
import './email.css';
import { ForgotPassword, type ResetDone } from './ForgotPassword';

/** What a sign-in form hands its grown-up to: "Forgot password?" or "Check your email". */
export type AccountHelpLinks = Readonly<{
  onForgotPassword: (email: string) => void;
  onNotVerified: (email: string) => void;
}>;

type Help = Readonly<{ kind: 'forgot' | 'check'; email: string }> | null;

/**
 * A grown-up sign-in with its two ways around a wrong or unconfirmed account: the form (built by
 * `children` with the links) until the grown-up asks for help, then "Forgot password?" or "Check
 * your email" in its place; either one ends signed in (`onSignedIn`), or back at the form.
 * `completeReset` says what a new password is for (sign in here, open the pane, parent mode).
 * A form whose sign-in cannot meet an unconfirmed address leaves `onNotVerified` out.
 */
export function AccountHelp({
  completeReset,
  onSignedIn,
  children,
  onResetSaving,
  narrow = false,
}: Readonly<{
  completeReset: (args: PasswordResetArgs) => Promise<IpcResult<unknown>>;
  onSignedIn: (reset: ResetDone | null) => void;
  children: (links: AccountHelpLinks) => ReactNode;
  /** A new password is being saved: keep showing this until `onSignedIn` (see ForgotPassword's `onSaving`). */
  onResetSaving?: (() => void) | undefined;
  narrow?: boolean;
}>): ReactElement {
  const [help, setHelp] = useState<Help>(null);
  if (help?.kind === 'forgot') {
    return (
      <ForgotPassword
        initialEmail={help.email}
        complete={completeReset}
        onDone={(done) => {
          setHelp(null);
          onSignedIn(done);
        }}
        onCancel={() => setHelp(null)}
        onSaving={onResetSaving}
        narrow={narrow}
      />
    );
  }
  if (help?.kind === 'check') {
    return (
      <CheckEmailStep
        email={help.email}
        onDone={() => {
          setHelp(null);
          onSignedIn(null);
        }}
        onDifferentEmail={() => setHelp(null)}
        narrow={narrow}
      />
    );
  }
  return (
    <>
      {children({
        onForgotPassword: (email) => setHelp({ kind: 'forgot', email }),
        onNotVerified: (email) => setHelp({ kind: 'check', email }),
      })}
    </>
  );
}
