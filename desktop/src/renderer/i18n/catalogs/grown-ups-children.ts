/** The grown-ups’ pane: children and computers. (`pane.*`) */
import type { Spanish } from '../translation';

export const grownUpsChildrenEn = {
  children: {
    add: 'Add a child',
    onPc: 'on this computer',
    notOnPc: 'not on this computer',
    hasPictures: 'secret pictures on',
    rename: 'Rename',
    setPictures: 'Set secret pictures',
    changePictures: 'Change secret pictures',
    removePictures: 'Turn off secret pictures',
    picturesPrompt: 'Tap 3 to 6 secret pictures for {{name}}, in order.',
    picturesAgain: 'Tap the same pictures again.',
    picturesMismatch: 'The pictures were not the same. Please start again.',
    removeFromPc: 'Remove from this computer',
    removeConfirm: 'Remove {{name}} from this computer? Their messages on this computer are deleted. Their account stays.',
    removeYes: 'Yes, remove',
    addToPc: 'Add to this computer',
  },
  devices: {
    title: 'Computers',
    none: 'No computers yet.',
    thisPc: 'this computer',
    details: '{{os}} · Hearth {{version}} · since {{date}} · {{language}} · {{zone}}',
    children: 'Used by {{names}}',
    noChildren: 'No children use it now.',
    revoke: 'Take this computer off Hearth',
    revokeYes: 'Yes, take it off',
    revoked: 'Taken off Hearth.',
  },
} as const;

export const grownUpsChildrenEs: Spanish<typeof grownUpsChildrenEn> = {
  children: {
    add: 'Agregar un niño',
    onPc: 'en esta computadora',
    notOnPc: 'no está en esta computadora',
    hasPictures: 'dibujos secretos activados',
    rename: 'Cambiar nombre',
    setPictures: 'Poner dibujos secretos',
    changePictures: 'Cambiar dibujos secretos',
    removePictures: 'Quitar dibujos secretos',
    picturesPrompt: 'Toca de 3 a 6 dibujos secretos para {{name}}, en orden.',
    picturesAgain: 'Toca los mismos dibujos otra vez.',
    picturesMismatch: 'Los dibujos no eran iguales. Empieza otra vez, por favor.',
    removeFromPc: 'Quitar de esta computadora',
    removeConfirm: '¿Quitar a {{name}} de esta computadora? Se borran sus mensajes en esta computadora. Su cuenta sigue.',
    removeYes: 'Sí, quitar',
    addToPc: 'Agregar a esta computadora',
  },
  devices: {
    title: 'Computadoras',
    none: 'Todavía no hay computadoras.',
    thisPc: 'esta computadora',
    details: '{{os}} · Hearth {{version}} · desde {{date}} · {{language}} · {{zone}}',
    children: 'Lo usan {{names}}',
    noChildren: 'Ahora no lo usa ningún niño.',
    revoke: 'Sacar esta computadora de Hearth',
    revokeYes: 'Sí, sacarlo',
    revoked: 'Ya no está en Hearth.',
  },
};
