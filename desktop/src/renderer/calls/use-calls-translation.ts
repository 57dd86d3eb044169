import { useTranslation, type UseTranslationResponse } from 'react-i18next';
import { CALLS_NAMESPACE } from './calls-i18n';

/** `useTranslation` for the calls namespace (typed: a wrong key or a missing `{{name}}` does not compile). */
export function useCallsTranslation(): UseTranslationResponse<typeof CALLS_NAMESPACE, undefined> {
  return useTranslation(CALLS_NAMESPACE);
}
