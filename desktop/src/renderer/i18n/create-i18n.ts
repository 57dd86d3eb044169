import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage, type UiLanguageSetting } from '@hearth/common';
import { resources } from './resources';

/** The interface's language for a setting: the setting itself, or the first system language Hearth speaks. */
export function resolveLanguage(setting: UiLanguageSetting, systemLanguages: readonly string[]): UiLanguage {
  if (setting !== 'auto') return setting;
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    const found = UI_LANGUAGES.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}

/** A fresh i18next instance with every bundled language (nothing is fetched). */
export function createI18n(language: UiLanguage): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    ns: Object.keys(resources.en),
    defaultNS: 'translation',
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
