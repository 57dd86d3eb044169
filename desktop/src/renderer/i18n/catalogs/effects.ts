/**
 * What the background effects tell the child, one sentence per notice code (the effects send only
 * codes), and the names the effects' own preview gives two choices. Composed into `backgrounds.*`.
 */
import type { Spanish } from '../translation';

export const effectsEn = {
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
} as const;

export const effectsEs: Spanish<typeof effectsEn> = {
  preview: {
    off: 'Sin fondo',
    picture: 'Mi foto',
  },
  notice: {
    'effects-quality-lowered': 'Tu fondo se ve un poco más suave ahora, para que la llamada vaya bien.',
    'effects-engine-switched': 'Tu fondo funciona de otra manera ahora, para que la llamada vaya bien.',
    'effects-turned-off':
      'Esta computadora está muy ocupada, así que tu fondo está apagado. Tu amigo puede ver tu cuarto ahora. ¡Tu llamada sigue!',
    'effects-unavailable': 'Los fondos no funcionan ahora mismo. Tu amigo puede ver tu cuarto. ¡Tu llamada sigue funcionando!',
    'effects-picture-unreadable': 'Esa foto no funcionó. ¡Prueba con otra!',
  },
};
