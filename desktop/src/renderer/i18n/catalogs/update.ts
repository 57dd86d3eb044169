/**
 * "Hearth needs an update": grown-ups get what to do, children get kid words and are sent to a
 * grown-up.
 */
import type { Spanish } from '../translation';

export const updateEn = {
  update: {
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
  },
} as const;

export const updateEs: Spanish<typeof updateEn> = {
  update: {
    grownUps: {
      title: 'Hearth necesita actualizarse',
      body: 'El servidor de Hearth que usa esta computadora ahora solo funciona con versiones más nuevas de Hearth ({{min}} o posterior; esta es la {{version}}). Instala la última versión de Hearth, por favor. Hasta entonces, los mensajes esperan y no se pueden empezar llamadas.',
      bodyNoMin:
        'El servidor de Hearth que usa esta computadora ahora solo funciona con versiones más nuevas de Hearth (esta es la {{version}}). Instala la última versión de Hearth, por favor. Hasta entonces, los mensajes esperan y no se pueden empezar llamadas.',
    },
    kids: {
      title: 'Hearth necesita a un adulto',
      body: 'Hearth necesita una pequeña actualización para poder hablar con tus amigos. ¡Pide ayuda a un adulto!',
    },
  },
};
