/** The grown-ups' pane: the grown-up's own parent-mode computers, last seen and sign-out (F18). (`pane.parentComputers.*`) */
import type { Spanish } from '../translation';

export const computersMoreEn = {
  parentComputers: {
    title: 'Your own computers in parent mode',
    name: 'Computer in parent mode',
    signOut: 'Sign this computer out',
    confirm:
      'Sign this computer out? Parent mode there stops at once; to use it again, you sign in there with your email and password.',
    signOutYes: 'Yes, sign it out',
  },
} as const;

export const computersMoreEs: Spanish<typeof computersMoreEn> = {
  parentComputers: {
    title: 'Tus propias computadoras en modo de madre o padre',
    name: 'Computadora en modo de madre o padre',
    signOut: 'Cerrar la sesión de esta computadora',
    confirm:
      '¿Cerrar la sesión de esta computadora? El modo de madre o padre se detiene allí enseguida; para usarlo de nuevo, inicia sesión allí con tu correo y tu contraseña.',
    signOutYes: 'Sí, cerrar la sesión',
  },
};
