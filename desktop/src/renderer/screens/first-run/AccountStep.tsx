import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult, ParentAccount } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { looksLikeEmail, whyGrey } from '../../ui/form-checks';
import { PasswordField } from '../../ui/PasswordField';
import { SubmitRow } from '../../ui/SubmitRow';
import { CheckEmailStep } from '../email/CheckEmailStep';
import { ForgotPassword } from '../email/ForgotPassword';
import { emailLanguage } from '../email/email-language';

export type Credentials = Readonly<{ email: string; password: string }>;

/** The parent's Hearth account on the relay: a new one, or signing in to one they have. */
export function AccountStep({
  onDone,
}: Readonly<{ onDone: (account: ParentAccount, credentials: Credentials) => void }>): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = emailLanguage(i18n.language);
  const hearth = useHearth();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // A relay that sends email answers both with EMAIL_NOT_VERIFIED until the emailed code is typed
  // (a registration whether or not the address had an account): then "Check your email".
  const [help, setHelp] = useState<'check' | 'forgot' | null>(null);
  const checkFirst = async <T,>(result: Promise<IpcResult<T>>): Promise<IpcResult<T>> => {
    const answer = await result;
    if (!answer.ok && answer.error.code === 'EMAIL_NOT_VERIFIED') setHelp('check');
    return answer;
  };
  const register = useAction(() =>
    checkFirst(hearth.registerParent({ displayName: name.trim(), email: email.trim(), password, lang })),
  );
  const signIn = useAction(() => checkFirst(hearth.signInParent({ email: email.trim(), password, lang })));
  const action = mode === 'new' ? register : signIn;
  const [left, setLeft] = useState<ReadonlySet<'email' | 'password'>>(new Set());
  const leave = (field: 'email' | 'password'): void => setLeft((set) => new Set([...set, field]));
  const emailOk = looksLikeEmail(email);
  const passwordOk = mode === 'existing' ? password.length > 0 : password.length >= 10;
  const nameOk = mode === 'existing' || name.trim() !== '';
  const ready = emailOk && passwordOk && nameOk;
  // A field says what is wrong once the grown-up has typed in it and moved on; until then the
  // line next to the button says what is still needed.
  const emailProblem = left.has('email') && email.trim() !== '' && !emailOk ? t('firstRun.emailProblem') : null;
  const passwordProblem = left.has('password') && password !== '' && !passwordOk ? t('firstRun.relayPasswordShort') : null;
  const ids = { email: useId(), password: useId(), needed: useId() };
  const stillNeeded =
    ready || emailProblem || passwordProblem
      ? null
      : !nameOk
        ? t('firstRun.needName')
        : !emailOk
          ? t('firstRun.needEmail')
          : mode === 'new'
            ? t('firstRun.needNewPassword')
            : t('firstRun.needPassword');

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!ready) return;
    const account = await action.run();
    if (account) onDone(account, { email: email.trim(), password });
  };

  if (help === 'check') {
    return (
      <CheckEmailStep
        email={email.trim()}
        onDone={(account) => onDone(account, { email: email.trim(), password })}
        onDifferentEmail={() => {
          setHelp(null);
          register.clearError();
          signIn.clearError();
        }}
      />
    );
  }
  if (help === 'forgot') {
    return (
      <ForgotPassword
        initialEmail={email.trim()}
        complete={(args) => hearth.completePasswordReset(args)}
        onDone={(done) => onDone(done.value, { email: done.email, password: done.password })}
        onCancel={() => setHelp(null)}
      />
    );
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-label={t('firstRun.accountTitle')}>
      <p className="lead">{t('firstRun.accountLead')}</p>
      <ChoiceGroup
        legend={t('firstRun.accountKind')}
        value={mode}
        onChange={(m) => {
          setMode(m);
          register.clearError();
          signIn.clearError();
        }}
        choices={[
          { value: 'new', label: t('firstRun.newAccount') },
          { value: 'existing', label: t('firstRun.haveAccount') },
        ]}
      />
      {mode === 'new' && (
        <Field
          label={t('firstRun.yourName')}
          hint={t('firstRun.yourNameHint')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={40}
          autoComplete="name"
        />
      )}
      <Field
        label={t('firstRun.email')}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        onBlur={() => leave('email')}
        problem={emailProblem}
        problemId={ids.email}
        autoComplete="email"
      />
      <PasswordField
        kind={mode === 'new' ? 'new' : 'current'}
        label={t('firstRun.relayPassword')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        onBlur={() => leave('password')}
        problem={passwordProblem}
        problemId={ids.password}
      />
      {mode === 'existing' && (
        <p className="forgot-link">
          <Button variant="quiet" size="small" onClick={() => setHelp('forgot')}>
            {t('forgot.link')}
          </Button>
        </p>
      )}
      <ErrorNote error={action.error} context="account" />
      <SubmitRow
        neededId={ids.needed}
        stillNeeded={stillNeeded}
        disabled={!ready || action.busy}
        describedBy={whyGrey(!ready, emailProblem && ids.email, passwordProblem && ids.password, stillNeeded && ids.needed)}
      >
        {mode === 'new' ? t('firstRun.createAccount') : t('firstRun.signIn')}
      </SubmitRow>
    </form>
  );
}
