import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult, PasswordResetArgs, PasswordResetStarted } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { looksLikeEmail, whyGrey } from '../../ui/form-checks';
import { StillNeeded } from '../../ui/StillNeeded';
import { emailLanguage } from './email-language';
import { NewPasswordForm } from './NewPasswordForm';
import './email.css';

/** A saved new password, and what `complete` answered (the account, the pane's lock, the profile). */
export type ResetDone<T = unknown> = Readonly<{ email: string; password: string; value: T }>;

/** The first step: the account's email; the answer is the same whether or not it has an account. */
function AskForCode({
  initialEmail,
  onStarted,
  onCancel,
  narrow,
}: Readonly<{
  initialEmail: string;
  onStarted: (email: string, status: PasswordResetStarted['status']) => void;
  onCancel: () => void;
  narrow: boolean;
}>): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const [email, setEmail] = useState(initialEmail);
  const [left, setLeft] = useState(false);
  const start = useAction(() => hearth.startPasswordReset({ email: email.trim(), lang: emailLanguage(i18n.language) }));
  const ok = looksLikeEmail(email);
  const ids = { email: useId(), needed: useId() };
  const problem = left && email.trim() !== '' && !ok ? t('firstRun.emailProblem') : null;
  const stillNeeded = ok || problem ? null : t('firstRun.needEmail');
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!ok) return;
    const answer = await start.run();
    if (answer) onStarted(email.trim(), answer.status);
  };
  return (
    <form
      className={narrow ? 'card form narrow' : 'card form'}
      onSubmit={(e) => void submit(e)}
      aria-label={t('forgot.title')}
      data-step="forgot-email"
    >
      <h2>{t('forgot.title')}</h2>
      <p className="lead">{t('forgot.lead')}</p>
      <Field
        label={t('firstRun.email')}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        onBlur={() => setLeft(true)}
        problem={problem}
        problemId={ids.email}
        autoComplete="email"
        autoFocus
      />
      <ErrorNote error={start.error} />
      <div className="form-actions">
        <StillNeeded id={ids.needed} text={stillNeeded} />
        <Button
          type="submit"
          variant="primary"
          disabled={!ok || start.busy}
          aria-describedby={whyGrey(!ok, problem && ids.email, stillNeeded && ids.needed)}
        >
          {t('forgot.send')}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t('forgot.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The end: what the reset did, then on. */
function ResetComplete({ onContinue, narrow }: Readonly<{ onContinue: () => void; narrow: boolean }>): ReactElement {
  const { t } = useTranslation();
  return (
    <section className={narrow ? 'card stack narrow' : 'card stack'} aria-label={t('forgot.doneTitle')} data-step="forgot-done">
      <h2>{t('forgot.doneTitle')}</h2>
      <p role="status">{t('forgot.done')}</p>
      <div className="form-actions">
        <Button variant="primary" size="big" onClick={onContinue} autoFocus>
          {t('forgot.continue')}
        </Button>
      </div>
    </section>
  );
}

type Stage<T> =
  | Readonly<{ at: 'email' }>
  | Readonly<{ at: 'code'; email: string; status: PasswordResetStarted['status'] }>
  | Readonly<{ at: 'done'; done: ResetDone<T> }>;

/**
 * "Forgot password?": the account's email, then a code (emailed, or from the person who runs a
 * Hearth server that sends no email) and a new password. `complete` says what the new password
 * is for (sign in here, open the locked pane, parent mode); it signs the grown-up in.
 */
export function ForgotPassword<T>({
  initialEmail = '',
  complete,
  onDone,
  onCancel,
  onSaving,
  narrow = false,
}: Readonly<{
  initialEmail?: string;
  complete: (args: PasswordResetArgs) => Promise<IpcResult<T>>;
  onDone: (done: ResetDone<T>) => void;
  onCancel: () => void;
  /**
   * The new password is about to be saved: a screen that would show something else once signed in
   * keeps this one until "Continue" or a sign-in (`onDone`), so the words after saving are read.
   * Called before the request, as main may say "signed in" before the request's answer comes.
   */
  onSaving?: (() => void) | undefined;
  narrow?: boolean;
}>): ReactElement {
  const [stage, setStage] = useState<Stage<T>>({ at: 'email' });
  switch (stage.at) {
    case 'email':
      return (
        <AskForCode
          initialEmail={initialEmail}
          onStarted={(email, status) => setStage({ at: 'code', email, status })}
          onCancel={onCancel}
          narrow={narrow}
        />
      );
    case 'code':
      return (
        <NewPasswordForm
          email={stage.email}
          status={stage.status}
          complete={complete}
          onSaving={onSaving}
          onSaved={(done) => setStage({ at: 'done', done })}
          onDifferentEmail={() => setStage({ at: 'email' })}
          narrow={narrow}
        />
      );
    case 'done':
      return <ResetComplete onContinue={() => onDone(stage.done)} narrow={narrow} />;
    default: {
      const never: never = stage;
      throw new Error(`unknown stage ${String(never)}`);
    }
  }
}
