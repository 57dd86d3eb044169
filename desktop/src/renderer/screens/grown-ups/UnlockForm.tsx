import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockStatus } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';

/** Seconds left until `at`, ticking. */
function useSecondsUntil(at: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null || at <= Date.now()) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The grown-ups' password, with the wait after wrong tries shown as it counts down. */
export function UnlockForm({ lock, onUnlocked }: Readonly<{ lock: LockStatus; onUnlocked?: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [password, setPassword] = useState('');
  const unlock = useAction(() => hearth.unlock({ password }));
  const wait = useSecondsUntil(lock.retryAt);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const status = await unlock.run();
    setPassword('');
    if (status) onUnlocked?.();
  };
  return (
    <form className="card form narrow" onSubmit={(e) => void submit(e)} aria-label={t('pane.unlockTitle')}>
      <p className="lead">
        <span aria-hidden="true">🔐 </span>
        {t('pane.unlockLead')}
      </p>
      <Field
        label={t('pane.password')}
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete="current-password"
        autoFocus
      />
      {wait > 0 && (
        <p className="field-problem" role="status">
          {t('pane.waitSeconds', { count: wait })}
        </p>
      )}
      <ErrorNote error={unlock.error} context="unlock" />
      <div className="form-actions">
        <Button type="submit" variant="primary" size="big" disabled={password === '' || unlock.busy || wait > 0}>
          {t('pane.unlock')}
        </Button>
      </div>
    </form>
  );
}
