import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockStatus } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { AccountHelp } from '../email/AccountHelp';
import { RelayCredentialsForm } from './RelayCredentialsForm';
import { useRememberedEmail } from './use-remembered-email';

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

/** The wait in words: seconds while short, then "about N minutes" (never "879 seconds"). */
function WaitNote({ seconds }: Readonly<{ seconds: number }>): ReactElement {
  const { t } = useTranslation();
  return (
    <p className="field-problem" role="status">
      {seconds <= 60 ? t('pane.waitSeconds', { count: seconds }) : t('pane.waitMinutes', { count: Math.ceil(seconds / 60) })}
    </p>
  );
}

/**
 * The other way in: the Hearth account of the grown-up who set up this PC opens the pane at once
 * and ends the wait (main refuses any other account before the pane opens).
 */
function AccountUnlock({
  open,
  onUnlocked,
  onResetSaving,
}: Readonly<{
  open: boolean;
  onUnlocked?: (() => void) | undefined;
  onResetSaving?: (() => void) | undefined;
}>): ReactElement | null {
  const { t } = useTranslation();
  const hearth = useHearth();
  const email = useRememberedEmail();
  const [shown, setShown] = useState(false);
  // Once open it stays, also after the wait ends (a new password saved here shows what it did).
  useEffect(() => {
    if (open) setShown(true);
  }, [open]);
  if (!open && !shown) {
    return (
      <p className="narrow form-actions">
        <Button onClick={() => setShown(true)}>{t('pane.account.show')}</Button>
      </p>
    );
  }
  if (email === null) return null;
  // A forgotten password: a reset code and a new one open the pane too (for the same grown-ups only).
  return (
    <AccountHelp
      completeReset={(args) => hearth.unlockWithPasswordReset(args)}
      onSignedIn={() => onUnlocked?.()}
      onResetSaving={onResetSaving}
      narrow
    >
      {({ onForgotPassword }) => (
        <RelayCredentialsForm
          label={t('pane.account.title')}
          heading={<h2>{t('pane.account.title')}</h2>}
          lead={t('pane.account.lead')}
          submitLabel={t('pane.account.submit')}
          send={(credentials) => hearth.unlockWithAccount(credentials)}
          onDone={() => onUnlocked?.()}
          initialEmail={email}
          errorContext="accountUnlock"
          narrow
          onForgotPassword={onForgotPassword}
        />
      )}
    </AccountHelp>
  );
}

/**
 * The grown-ups' password, with the wait after wrong tries shown in words as it counts down, and
 * the grown-up's Hearth account as the way in that needs no wait.
 */
export function UnlockForm({
  lock,
  onUnlocked,
  onResetSaving,
}: Readonly<{
  lock: LockStatus;
  onUnlocked?: () => void;
  /** "Forgot password?" is saving a new password (which unlocks): the caller keeps this form until `onUnlocked`. */
  onResetSaving?: () => void;
}>): ReactElement {
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
  // Kept after "Forgot password?" opened the pane: only what the new password did, until "Continue".
  const held = lock.state === 'unlocked';
  return (
    <>
      {!held && (
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
          {wait > 0 && <WaitNote seconds={wait} />}
          <ErrorNote error={unlock.error} context="unlock" />
          <div className="form-actions">
            <Button type="submit" variant="primary" size="big" disabled={password === '' || unlock.busy || wait > 0}>
              {t('pane.unlock')}
            </Button>
          </div>
        </form>
      )}
      <AccountUnlock open={wait > 60} onUnlocked={onUnlocked} onResetSaving={onResetSaving} />
    </>
  );
}
