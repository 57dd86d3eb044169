/** Call backgrounds: the chooser, and what the effects tell the child (one sentence per notice code). */
import type { Spanish } from '../translation';

export const backgroundsEn = {
  backgrounds: {
    title: 'My background',
    intro: 'Pick what your friends see behind you in a video call. Only you show up in front of it.',
    mirror: 'You, with your background',
    pick: 'Pick a background',
    off: 'None',
    blur: 'Blurry',
    bundled: {
      sunset: 'Sunset',
      ocean: 'Ocean',
      space: 'Space',
      meadow: 'Meadow',
    },
    myPictureN: 'My picture {{n}}',
    myPictures: 'My own pictures',
    staysHere: 'Your pictures stay on this computer. Nobody else gets them.',
    add: 'Add my picture',
    adding: 'Adding your picture…',
    deleteN: 'Delete my picture {{n}}',
    full: 'You have {{count}} pictures. Delete one to add another.',
    noCamera: 'I cannot see your camera. You can still pick a background.',
    inCall: 'Background',
    closeChooser: 'Done',
    /** The effects' own preview (`EffectsPreview`) names two choices its own way. */
    preview: {
      off: 'No background',
      picture: 'My picture',
    },
    notice: {
      'effects-quality-lowered': 'Your background looks a little softer now, so the call stays smooth.',
      'effects-engine-switched': 'Your background is working a different way now, so the call stays smooth.',
      'effects-turned-off':
        'This computer got too busy, so your background is off. Your friend can see your room now. Your call keeps going!',
      'effects-unavailable': 'Backgrounds are not working right now. Your friend can see your room. Your call still works!',
      'effects-picture-unreadable': 'That picture did not work. Try another one!',
    },
  },
} as const;

export const backgroundsEs: Spanish<typeof backgroundsEn> = {
  backgrounds: {
    title: 'Mi fondo',
    intro: 'Elige lo que tus amigos ven detrás de ti en una videollamada. Solo tú sales delante.',
    mirror: 'Tú, con tu fondo',
    pick: 'Elige un fondo',
    off: 'Ninguno',
    blur: 'Borroso',
    bundled: {
      sunset: 'Atardecer',
      ocean: 'Mar',
      space: 'Espacio',
      meadow: 'Prado',
    },
    myPictureN: 'Mi foto {{n}}',
    myPictures: 'Mis fotos',
    staysHere: 'Tus fotos se quedan en este ordenador. Nadie más las recibe.',
    add: 'Añadir mi foto',
    adding: 'Añadiendo tu foto…',
    deleteN: 'Borrar mi foto {{n}}',
    full: 'Tienes {{count}} fotos. Borra una para añadir otra.',
    noCamera: 'No veo tu cámara. Aun así puedes elegir un fondo.',
    inCall: 'Fondo',
    closeChooser: 'Listo',
    preview: {
      off: 'Sin fondo',
      picture: 'Mi foto',
    },
    notice: {
      'effects-quality-lowered': 'Tu fondo se ve un poco más suave ahora, para que la llamada vaya bien.',
      'effects-engine-switched': 'Tu fondo funciona de otra manera ahora, para que la llamada vaya bien.',
      'effects-turned-off':
        'Este ordenador está muy ocupado, así que tu fondo está apagado. Tu amigo puede ver tu cuarto ahora. ¡Tu llamada sigue!',
      'effects-unavailable': 'Los fondos no funcionan ahora mismo. Tu amigo puede ver tu cuarto. ¡Tu llamada sigue funcionando!',
      'effects-picture-unreadable': 'Esa foto no funcionó. ¡Prueba con otra!',
    },
  },
};
