import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockStatus, Profile } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { Screen } from '../../ui/Screen';
import { UnlockForm } from '../grown-ups/UnlockForm';

/** The parent's Hearth account signs in again when the session kept on this PC has ended. */
function SignInAgain({ onDone }: Readonly<{ onDone: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const renew = useAction(() => hearth.startParentMode({ email: email.trim(), password }));
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (await renew.run()) onDone();
  };
  return (
    <form className="card form narrow" onSubmit={(e) => void submit(e)} aria-label={t('parentStart.signInAgain')}>
      <p>{t('parentStart.signInAgainLead')}</p>
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
      <ErrorNote error={renew.error} context="account" />
      <Button type="submit" variant="primary" disabled={password === '' || renew.busy}>
        {t('firstRun.signIn')}
      </Button>
    </form>
  );
}

/** Parent mode's front door: the grown-ups' password opens the parent's own messages. */
export function ParentStart({
  parent,
  lock,
  onGrownUps,
}: Readonly<{ parent: Profile; lock: LockStatus; onGrownUps: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const open = useAction(() => hearth.selectProfile({ childId: parent.childId }));
  const expired = open.error?.code === 'UNAUTHENTICATED';
  return (
    <Screen
      name="parent-start"
      tone="grown-up"
      title={t('home.helloParent', { name: parent.displayName })}
      leading={<Avatar avatar={null} name={parent.displayName} id={parent.childId} size="medium" grownUp />}
      actions={
        <Button icon="⚙️" onClick={onGrownUps}>
          {t('picker.grownUps')}
        </Button>
      }
    >
      <p className="lead">{t('parentStart.lead')}</p>
      {lock.state !== 'unlocked' ? (
        <UnlockForm lock={lock} onUnlocked={() => void open.run()} />
      ) : expired ? (
        <SignInAgain onDone={() => void open.run()} />
      ) : (
        <Button variant="primary" size="big" icon="💬" onClick={() => void open.run()} disabled={open.busy}>
          {t('parentStart.open')}
        </Button>
      )}
      {!expired && <ErrorNote error={open.error} />}
    </Screen>
  );
}
