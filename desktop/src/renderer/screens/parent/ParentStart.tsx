import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockStatus, Profile } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { Screen } from '../../ui/Screen';
import { AccountHelp } from '../email/AccountHelp';
import { UnlockForm } from '../grown-ups/UnlockForm';
import { RelayCredentialsForm } from '../grown-ups/RelayCredentialsForm';

/** The parent's Hearth account signs in again when the session kept on this PC has ended. */
function SignInAgain({ onDone }: Readonly<{ onDone: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  return (
    <AccountHelp completeReset={(args) => hearth.startParentModeWithReset(args)} onSignedIn={onDone} narrow>
      {({ onForgotPassword }) => (
        <RelayCredentialsForm
          label={t('parentStart.signInAgain')}
          lead={t('parentStart.signInAgainLead')}
          submitLabel={t('firstRun.signIn')}
          send={(credentials) => hearth.startParentMode(credentials)}
          onDone={onDone}
          narrow
          primary
          onForgotPassword={onForgotPassword}
        />
      )}
    </AccountHelp>
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
  // After "Forgot password?" at the lock, its form stays until "Continue".
  const [heldByReset, setHeldByReset] = useState(false);
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
      {lock.state !== 'unlocked' || heldByReset ? (
        <UnlockForm
          lock={lock}
          onUnlocked={() => {
            setHeldByReset(false);
            void open.run();
          }}
          onResetSaving={() => setHeldByReset(true)}
        />
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
