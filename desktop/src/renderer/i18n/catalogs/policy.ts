/** The privacy promises a grown-up agrees to before adding children. */
import type { Spanish } from '../translation';

export const policyEn = {
  policy: {
    lead: 'Hearth is built for children. Before you add yours, here is what we promise and what you agree to.',
    points: {
      noStrangers: {
        title: 'No strangers.',
        text: 'There is no search and no directory. Children become friends only by swapping a code in person.',
      },
      approve: {
        title: 'You approve every friend.',
        text: 'Both children say yes, then both families’ grown-ups approve.',
      },
      see: {
        title: 'You see what they do.',
        text: 'Who they talk to, what they use and for how long. Your child can see what you see.',
      },
      noAds: {
        title: 'No ads, no profiling.',
        text: 'Nothing your child does is used to show them ads or suggestions.',
      },
      delete: {
        title: 'You can delete everything.',
        text: 'Delete your child’s account and data at any time, or export it first.',
      },
      noLocation: {
        title: 'No location.',
        text: 'Hearth never asks where your child is. Photos lose their location before they are sent.',
      },
    },
    version: 'Privacy policy version',
    published: 'published {{date}}',
    agree:
      'I have read the privacy policy (version {{version}}) and I agree to it, as the parent or guardian of the children I add.',
  },
} as const;

export const policyEs: Spanish<typeof policyEn> = {
  policy: {
    lead: 'Hearth está hecho para niños. Antes de agregar a los tuyos, esto es lo que prometemos y lo que aceptas.',
    points: {
      noStrangers: {
        title: 'Sin desconocidos.',
        text: 'No hay buscador ni directorio. Los niños se hacen amigos solo intercambiando un código en persona.',
      },
      approve: {
        title: 'Tú apruebas cada amistad.',
        text: 'Los dos niños dicen que sí y luego aprueban los mayores de las dos familias.',
      },
      see: {
        title: 'Ves lo que hacen.',
        text: 'Con quién hablan, qué usan y durante cuánto tiempo. Tu hijo puede ver lo mismo que tú.',
      },
      noAds: {
        title: 'Sin anuncios ni perfiles.',
        text: 'Nada de lo que hace tu hijo se usa para mostrarle anuncios o sugerencias.',
      },
      delete: {
        title: 'Puedes borrarlo todo.',
        text: 'Borra la cuenta y los datos de tu hijo cuando quieras, o descárgalos antes.',
      },
      noLocation: {
        title: 'Sin ubicación.',
        text: 'Hearth nunca pregunta dónde está tu hijo. Las fotos pierden su ubicación antes de enviarse.',
      },
    },
    version: 'Versión de la política de privacidad',
    published: 'publicada el {{date}}',
    agree:
      'He leído la política de privacidad (versión {{version}}) y la acepto, como madre, padre o tutor de los niños que agregue.',
  },
};
