import { UI_LANGUAGES, type UiLanguage, type UiLanguageSetting } from '@hearth/common';

/** The PC's language setting as a language: `auto` follows the system's first language Hearth has. */
export function resolveUiLanguage(setting: UiLanguageSetting, systemLanguages: readonly string[]): UiLanguage {
  if (setting !== 'auto') return setting;
  for (const tag of systemLanguages) {
    const found = UI_LANGUAGES.find((l) => l === tag.toLowerCase().split('-')[0]);
    if (found) return found;
  }
  return 'en';
}
