import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';

/** The grown-ups' password: local to this PC, it opens the locked pane. */
export function PasswordStep({ onDone }: Readonly<{ onDone: () => Promise<void> }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const save = useAction(() => hearth.setParentPassword({ password }));
  const mismatch = again !== '' && again !== password;
  const ready = password.length >= 8 && password === again;
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (ready && (await save.run())) await onDone();
  };
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-label={t('firstRun.passwordTitle')}>
      <p className="lead">{t('firstRun.passwordLead')}</p>
      <Field
        label={t('firstRun.paneSecret')}
        hint={t('firstRun.paneSecretHint')}
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete="new-password"
      />
      <Field
        label={t('firstRun.paneSecretAgain')}
        type="password"
        value={again}
        onChange={(e) => setAgain(e.target.value)}
        autoComplete="new-password"
        problem={mismatch ? t('firstRun.paneSecretMismatch') : null}
      />
      <ErrorNote error={save.error} />
      <div className="form-actions">
        <Button type="submit" variant="primary" size="big" disabled={!ready || save.busy}>
          {t('firstRun.savePassword')}
        </Button>
      </div>
    </form>
  );
}
