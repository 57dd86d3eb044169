/**
 * The words for "Hearth needs an update", as an i18next namespace (`update`), plus the sentence
 * for the APP_TOO_OLD error, merged into the app's own `errors`. Grown-ups get what to do;
 * children get kid words and are sent to a grown-up.
 */
import type { i18n as I18n } from 'i18next';

export const UPDATE_NAMESPACE = 'update';

export const updateEn = {
  grownUps: {
    title: 'Hearth needs an update',
    body: 'The Hearth server this computer uses now works only with newer versions of Hearth ({{min}} or later; this one is {{version}}). Please install the latest Hearth. Until then, messages wait and calls cannot start.',
    bodyNoMin:
      'The Hearth server this computer uses now works only with newer versions of Hearth (this one is {{version}}). Please install the latest Hearth. Until then, messages wait and calls cannot start.',
  },
  kids: {
    title: 'Hearth needs a grown-up',
    body: 'Hearth needs a little update before it can talk to your friends. Please ask a grown-up to help!',
  },
};

export const updateEs: typeof updateEn = {
  grownUps: {
    title: 'Hearth necesita actualizarse',
    body: 'El servidor de Hearth que usa este ordenador ahora solo funciona con versiones más nuevas de Hearth ({{min}} o posterior; esta es la {{version}}). Instala la última versión de Hearth, por favor. Hasta entonces, los mensajes esperan y no se pueden empezar llamadas.',
    bodyNoMin:
      'El servidor de Hearth que usa este ordenador ahora solo funciona con versiones más nuevas de Hearth (esta es la {{version}}). Instala la última versión de Hearth, por favor. Hasta entonces, los mensajes esperan y no se pueden empezar llamadas.',
  },
  kids: {
    title: 'Hearth necesita a un adulto',
    body: 'Hearth necesita una pequeña actualización para poder hablar con tus amigos. ¡Pide ayuda a un adulto!',
  },
};

/** The APP_TOO_OLD sentence, for the app's `errors` (ErrorNote). */
export const appTooOldError = {
  en: 'Hearth needs an update to talk to its server. Please ask a grown-up to install the latest Hearth.',
  es: 'Hearth necesita actualizarse para hablar con su servidor. Pide a un adulto que instale la última versión de Hearth.',
} as const;

/** Adds the update namespace and the APP_TOO_OLD sentence to an i18next instance (once per language). */
export function addUpdateTranslations(i18n: I18n): void {
  const bundles = { en: updateEn, es: updateEs } as const;
  for (const [lang, bundle] of Object.entries(bundles)) {
    if (i18n.hasResourceBundle(lang, UPDATE_NAMESPACE)) continue;
    i18n.addResourceBundle(lang, UPDATE_NAMESPACE, bundle);
    i18n.addResourceBundle(lang, 'translation', { errors: { APP_TOO_OLD: appTooOldError[lang as 'en' | 'es'] } }, true, false);
  }
}
