import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useHearth } from '../../app/hearth-context';
import { AccountHelp } from '../email/AccountHelp';
import { RelayCredentialsForm } from './RelayCredentialsForm';
import { useRememberedEmail } from './use-remembered-email';

/**
 * Signs the parent in to the Hearth server, with the email this PC remembers filled in. The
 * session stays in main's memory only, across pane locks, until it expires (the relay gives a
 * family PC a short one), Hearth closes or the parent signs out; it works only while the pane is
 * unlocked: approvals always need the parent, never only this PC.
 */
export function SignInForm({
  onSignedIn,
  onResetSaving,
}: Readonly<{
  onSignedIn: () => void;
  /** "Forgot password?" is saving a new password (which signs in): the pane keeps this form until `onSignedIn`. */
  onResetSaving?: () => void;
}>): ReactElement | null {
  const { t } = useTranslation();
  const hearth = useHearth();
  const email = useRememberedEmail();
  if (email === null) return null;
  return (
    <AccountHelp
      completeReset={(args) => hearth.completePasswordReset(args)}
      onSignedIn={onSignedIn}
      onResetSaving={onResetSaving}
      narrow
    >
      {(links) => (
        <RelayCredentialsForm
          label={t('pane.signInTitle')}
          heading={<h2>{t('pane.signInTitle')}</h2>}
          lead={t('pane.signInLead')}
          submitLabel={t('firstRun.signIn')}
          send={(credentials) => hearth.signInParent(credentials)}
          onDone={onSignedIn}
          initialEmail={email}
          narrow
          primary
          {...links}
        />
      )}
    </AccountHelp>
  );
}
