import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '@hearth/common';
import { offeredLanguages, useMachinePolicy } from '../app/use-machine-policy';

/** Each language in its own words. */
const NATIVE_NAMES: Readonly<Record<UiLanguage, string>> = { en: 'English', es: 'Español' };

/** Buttons to switch the interface's language at once. */
export function LanguageSwitch({ onChange }: Readonly<{ onChange: (language: UiLanguage) => void }>): ReactElement {
  const { t, i18n } = useTranslation();
  // Only the languages this PC's machine policy offers (issue 17).
  const offered = offeredLanguages(useMachinePolicy());
  return (
    <div className="language-switch" role="group" aria-label={t('common.language')}>
      {offered.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className={`pill${i18n.language === lang ? ' pill-on' : ''}`}
          aria-pressed={i18n.language === lang}
          onClick={() => onChange(lang)}
        >
          {NATIVE_NAMES[lang]}
        </button>
      ))}
    </div>
  );
}
