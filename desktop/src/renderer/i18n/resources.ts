/**
 * Every bundled translation, by language and namespace, and the types i18next checks `t()` with:
 * a key that does not exist, or a `{{value}}` left out, is a compile error.
 */
import type { UiLanguage } from '@hearth/common';
import { CALLS_NAMESPACE, callsEn, callsEs } from '../calls/calls-i18n';
import { en } from './en';
import { es } from './es';

export const resources = {
  en: { translation: en, [CALLS_NAMESPACE]: callsEn },
  es: { translation: es, [CALLS_NAMESPACE]: callsEs },
} as const satisfies Record<UiLanguage, unknown>;

/** The namespaces, English being the shape of each. */
export type Resources = (typeof resources)['en'];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: Resources;
    returnNull: false;
    strictInterpolationChecks: true;
  }
}
