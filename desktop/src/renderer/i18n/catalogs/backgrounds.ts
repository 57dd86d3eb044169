/** Call backgrounds: the screen and the chooser (`backgrounds.*`; the effects' own words are in `./effects`). */
import type { Spanish } from '../translation';

export const backgroundsEn = {
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
} as const;

export const backgroundsEs: Spanish<typeof backgroundsEn> = {
  title: 'Mi fondo',
  intro: 'Elige lo que tus amigos ven detrás de ti en una videollamada. Solo tú apareces al frente.',
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
  staysHere: 'Tus fotos se quedan en esta computadora. Nadie más las recibe.',
  add: 'Agregar mi foto',
  adding: 'Agregando tu foto…',
  deleteN: 'Borrar mi foto {{n}}',
  full: 'Tienes {{count}} fotos. Borra una para agregar otra.',
  noCamera: 'No veo tu cámara. Aun así puedes elegir un fondo.',
  inCall: 'Fondo',
  closeChooser: 'Listo',
};
