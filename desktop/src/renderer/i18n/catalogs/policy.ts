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
      shortKeep: {
        title: 'Messages do not pile up.',
        text: 'The Hearth server keeps a message only until it is delivered, at most 15 days. Conversations stay on this computer.',
      },
      noLocation: {
        title: 'No location.',
        text: 'Hearth never asks where your child is. Photos lose their location before they are sent.',
      },
    },
    notYet:
      'In the grown-ups’ pane you can delete a child’s account, save a copy of a child’s data, and delete your own grown-up account. After a deletion the server keeps the consent records, without names, and any report already sent to its moderators, for a limited time.',
    fullTitle: 'The privacy policy',
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
      shortKeep: {
        title: 'Los mensajes no se acumulan.',
        text: 'El servidor de Hearth guarda un mensaje solo hasta entregarlo, como máximo 15 días. Las conversaciones se quedan en esta computadora.',
      },
      noLocation: {
        title: 'Sin ubicación.',
        text: 'Hearth nunca pregunta dónde está tu hijo. Las fotos pierden su ubicación antes de enviarse.',
      },
    },
    notYet:
      'En el panel de los adultos puedes borrar la cuenta de un niño, guardar una copia de sus datos y borrar tu propia cuenta de adulto. Después de borrar, el servidor conserva los registros de consentimiento, sin nombres, y los reportes ya enviados a sus moderadores, por un tiempo limitado.',
    fullTitle: 'La política de privacidad',
    version: 'Versión de la política de privacidad',
    published: 'publicada el {{date}}',
    agree:
      'He leído la política de privacidad (versión {{version}}) y la acepto, como madre, padre o tutor de los niños que agregue.',
  },
};
