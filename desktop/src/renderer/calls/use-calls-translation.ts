import { useContext } from 'react';
import { I18nContext, useTranslation, type UseTranslationResponse } from 'react-i18next';
import { addCallTranslations, CALLS_NAMESPACE } from './calls-i18n';

/** `useTranslation` for the calls namespace, which it first adds to the app's i18next instance. */
export function useCallsTranslation(): UseTranslationResponse<typeof CALLS_NAMESPACE, undefined> {
  const i18n = useContext(I18nContext)?.i18n;
  if (i18n) addCallTranslations(i18n);
  return useTranslation(CALLS_NAMESPACE);
}
