import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useHearth } from '../../app/hearth-context';
import { RelayCredentialsForm } from './RelayCredentialsForm';

/**
 * Signs the parent in to the Hearth server for this visit to the pane. The session stays in main's
 * memory and ends when the pane locks: approvals always need the parent, never only this PC.
 */
export function SignInForm({ onSignedIn }: Readonly<{ onSignedIn: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  return (
    <RelayCredentialsForm
      label={t('pane.signInTitle')}
      heading={<h2>{t('pane.signInTitle')}</h2>}
      lead={t('pane.signInLead')}
      submitLabel={t('firstRun.signIn')}
      send={(credentials) => hearth.signInParent(credentials)}
      onDone={onSignedIn}
      narrow
      primary
    />
  );
}
