import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';

/**
 * Signs the parent in to the Hearth server for this visit to the pane. The session stays in main's
 * memory and ends when the pane locks: approvals always need the parent, never only this PC.
 */
export function SignInForm({ onSignedIn }: Readonly<{ onSignedIn: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useAction(() => hearth.signInParent({ email: email.trim(), password }));
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (await signIn.run()) {
      setPassword('');
      onSignedIn();
    }
  };
  return (
    <form className="card form narrow" onSubmit={(e) => void submit(e)} aria-label={t('pane.signInTitle')}>
      <h2>{t('pane.signInTitle')}</h2>
      <p>{t('pane.signInLead')}</p>
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
      <ErrorNote error={signIn.error} context="account" />
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={!email.includes('@') || password === '' || signIn.busy}>
          {t('firstRun.signIn')}
        </Button>
      </div>
    </form>
  );
}
