import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, type FieldProps } from './Field';

/**
 * A Hearth account's password: `new` (with the hint on its rules), the new one `again`, or the
 * `current` one; the browser's password manager is told which.
 */
export function PasswordField({ kind, ...field }: FieldProps & Readonly<{ kind: 'new' | 'again' | 'current' }>): ReactElement {
  const { t } = useTranslation();
  return (
    <Field
      hint={kind === 'new' ? t('firstRun.relayPasswordHint') : undefined}
      type="password"
      autoComplete={kind === 'current' ? 'current-password' : 'new-password'}
      {...field}
    />
  );
}
