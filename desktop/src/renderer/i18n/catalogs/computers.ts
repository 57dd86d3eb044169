/** The grown-ups' pane: each computer's details, last seen and remote sign-out (F18). (`pane.computers.*`) */
import type { Spanish } from '../translation';

export const computersEn = {
  computers: {
    system: 'System',
    unknownVersion: 'version not told',
    app: 'Hearth',
    language: 'Language',
    zone: 'Time zone',
    since: 'Set up',
    lastSeen: 'Last seen',
    neverSeen: 'not yet',
    signOut: 'Sign this computer out',
    confirm:
      'Sign “{{name}}” out? The children on it cannot use Hearth there any more, even if it is switched off now: it finds out the next time it goes online.',
    erase: 'Also erase Hearth’s data on that computer',
    eraseHint: 'Messages, pictures and profiles on that computer are deleted. Their accounts stay.',
    signOutYes: 'Yes, sign it out',
    signedOut: 'Signed out.',
  },
} as const;

export const computersEs: Spanish<typeof computersEn> = {
  computers: {
    system: 'Sistema',
    unknownVersion: 'versión desconocida',
    app: 'Hearth',
    language: 'Idioma',
    zone: 'Zona horaria',
    since: 'Configurada',
    lastSeen: 'Vista por última vez',
    neverSeen: 'todavía no',
    signOut: 'Cerrar la sesión de esta computadora',
    confirm:
      '¿Cerrar la sesión de “{{name}}”? Los niños ya no podrán usar Hearth en ella, aunque ahora esté apagada: se entera la próxima vez que se conecte.',
    erase: 'Borrar también los datos de Hearth en esa computadora',
    eraseHint: 'Se borran los mensajes, las imágenes y los perfiles de esa computadora. Sus cuentas siguen.',
    signOutYes: 'Sí, cerrar la sesión',
    signedOut: 'Sesión cerrada.',
  },
};
