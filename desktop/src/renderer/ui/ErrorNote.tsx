import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '@hearth/common';
import { en } from '../i18n/en';

type ErrorSentences = typeof en.errors;

/** The screens that say some errors their own way (`errors.<context>.<code>`). */
export type ErrorContext = {
  [K in keyof ErrorSentences]: ErrorSentences[K] extends string ? never : K;
}[keyof ErrorSentences];

/** An i18n key of an error's sentence. */
export type ErrorKey =
  | `errors.${{ [K in keyof ErrorSentences]: ErrorSentences[K] extends string ? K : never }[keyof ErrorSentences]}`
  | { [C in ErrorContext]: `errors.${C}.${keyof ErrorSentences[C] & string}` }[ErrorContext];

/** Whether `sentences` has a sentence of its own for `code`. */
function says(sentences: object, code: string): boolean {
  return Object.hasOwn(sentences, code) && typeof (sentences as Readonly<Record<string, unknown>>)[code] === 'string';
}

/**
 * The i18n keys for an error, most fitting first: the context's own sentence, the code's, a
 * general one. Only keys the English catalog has (codes come from outside and may be new).
 */
export function errorKey(error: Pick<ErrorBody, 'code'>, context?: ErrorContext): ErrorKey[] {
  const keys: ErrorKey[] = [];
  const code: string = error.code;
  // The casts name keys just checked to be in the catalog.
  if (context && says(en.errors[context], code)) keys.push(`errors.${context}.${code}` as ErrorKey);
  if (says(en.errors, code)) keys.push(`errors.${code}` as ErrorKey);
  keys.push('errors.generic');
  return keys;
}

/** A friendly sentence for a failed call, announced to screen readers. Renders nothing without an error. */
export function ErrorNote({
  error,
  context,
}: Readonly<{ error: ErrorBody | null; context?: ErrorContext }>): ReactElement | null {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="error-note" role="alert">
      <span aria-hidden="true">⚠️ </span>
      {t(errorKey(error, context))}
    </p>
  );
}
