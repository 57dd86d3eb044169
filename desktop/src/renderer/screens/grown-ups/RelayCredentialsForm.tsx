import { useState, type FormEvent, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult, PolicyLanguage } from '@hearth/common';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ErrorNote, type ErrorContext } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { emailLanguage } from '../email/email-language';

/** `lang`: the language of any email the relay sends about it (the screen's). */
export type RelayCredentials = Readonly<{ email: string; password: string; lang: PolicyLanguage }>;

/**
 * A grown-up's Hearth account email and password in one form. `send` says what they are for
 * (signing in to the pane, starting or renewing parent mode); the password is cleared on success.
 */
export function RelayCredentialsForm({
  label,
  heading,
  lead,
  submitLabel,
  send,
  onDone,
  narrow = false,
  primary = false,
  initialEmail = '',
  errorContext = 'account',
  onForgotPassword,
  onNotVerified,
}: Readonly<{
  /** The form's accessible name. */
  label: string;
  heading?: ReactNode;
  lead: string;
  submitLabel: string;
  send: (credentials: RelayCredentials) => Promise<IpcResult<unknown>>;
  onDone: () => void;
  narrow?: boolean;
  primary?: boolean;
  /** The email this PC remembers, filled in to start with. */
  initialEmail?: string;
  /** Which sentences explain a failure. Default `account`. */
  errorContext?: ErrorContext;
  /** Shows "Forgot password?", which calls this with the email typed so far. */
  onForgotPassword?: ((email: string) => void) | undefined;
  /** The relay wants the emailed code first (EMAIL_NOT_VERIFIED): the "Check your email" step. */
  onNotVerified?: ((email: string) => void) | undefined;
}>): ReactElement {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const action = useAction(async () => {
    const result = await send({ email: email.trim(), password, lang: emailLanguage(i18n.language) });
    if (!result.ok && result.error.code === 'EMAIL_NOT_VERIFIED' && onNotVerified) onNotVerified(email.trim());
    return result;
  });
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (await action.run()) {
      setPassword('');
      onDone();
    }
  };
  return (
    <form className={narrow ? 'card form narrow' : 'card form'} onSubmit={(e) => void submit(e)} aria-label={label}>
      {heading}
      <p>{lead}</p>
      <Field
        label={t('firstRun.email')}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        autoComplete="email"
      />
      <Field
        label={t('firstRun.relayPassword')}
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete="current-password"
      />
      {onForgotPassword && (
        <p className="forgot-link">
          <Button variant="quiet" size="small" onClick={() => onForgotPassword(email.trim())}>
            {t('forgot.link')}
          </Button>
        </p>
      )}
      <ErrorNote error={action.error} context={errorContext} />
      <div className="form-actions">
        <Button
          type="submit"
          variant={primary ? 'primary' : undefined}
          disabled={!email.includes('@') || password === '' || action.busy}
        >
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
