import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '@hearth/common';

/** The i18n key for an error: its code's own sentence, or a general one. */
export function errorKey(error: ErrorBody): string[] {
  return [`errors.${error.code}`, 'errors.generic'];
}

/** A friendly sentence for a failed call, announced to screen readers. Renders nothing without an error. */
export function ErrorNote({ error, context }: Readonly<{ error: ErrorBody | null; context?: string }>): ReactElement | null {
  const { t } = useTranslation();
  if (!error) return null;
  const keys = context ? [`errors.${context}.${error.code}`, ...errorKey(error)] : errorKey(error);
  return (
    <p className="error-note" role="alert">
      <span aria-hidden="true">⚠️ </span>
      {t(keys)}
    </p>
  );
}
