import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParentAccount } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';

export type Credentials = Readonly<{ email: string; password: string }>;

/** The parent's Hearth account on the relay: a new one, or signing in to one they have. */
export function AccountStep({
  onDone,
}: Readonly<{ onDone: (account: ParentAccount, credentials: Credentials) => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const register = useAction(() => hearth.registerParent({ displayName: name.trim(), email: email.trim(), password }));
  const signIn = useAction(() => hearth.signInParent({ email: email.trim(), password }));
  const action = mode === 'new' ? register : signIn;
  const ready = email.includes('@') && (mode === 'existing' ? password.length > 0 : password.length >= 10 && name.trim() !== '');

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!ready) return;
    const account = await action.run();
    if (account) onDone(account, { email: email.trim(), password });
  };

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
        autoComplete="email"
      />
      <Field
        label={t('firstRun.relayPassword')}
        hint={mode === 'new' ? t('firstRun.relayPasswordHint') : undefined}
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete={mode === 'new' ? 'new-password' : 'current-password'}
      />
      <ErrorNote error={action.error} context="account" />
      <div className="form-actions">
        <Button type="submit" variant="primary" size="big" disabled={!ready || action.busy}>
          {mode === 'new' ? t('firstRun.createAccount') : t('firstRun.signIn')}
        </Button>
      </div>
    </form>
  );
}
