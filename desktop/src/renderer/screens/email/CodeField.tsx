import type { ReactElement } from 'react';
import { Field, type FieldProps } from '../../ui/Field';

/** The six-digit code from an email (or from the operator), the form's first field. */
export function CodeField(field: FieldProps): ReactElement {
  return <Field inputMode="numeric" autoComplete="one-time-code" maxLength={12} autoFocus {...field} />;
}
