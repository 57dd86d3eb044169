/** What a child is told their grown-ups can see. */
import type { Spanish } from '../translation';

export const whatGrownUpsSeeEn = {
  see: {
    title: 'What my grown-ups can see',
    intro: 'Your grown-ups look after you on Hearth. Here is what they can see.',
    canSee: 'My grown-ups can see',
    sees: {
      friends: 'Who your friends are.',
      time: 'How long you use Hearth each day.',
      who: 'Who you message and call, and how many times.',
      approve: 'Every new friend. They say yes or no.',
    },
    promises: 'Hearth promises',
    promise: {
      noStrangers: 'Nobody can find you. Only friends with your code can ask.',
      ownSpace: 'Your messages are in your own space. Other children on this computer cannot open them in Hearth.',
      noLocation: 'Hearth never knows where you are.',
    },
    myWeek: 'My week',
    nothingYet: 'Nothing yet this week.',
    dayLine: '{{time}} on Hearth, {{sent}} messages sent, {{got}} messages received',
    minutes_zero: 'a few moments',
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
    with: '(with {{names}})',
  },
} as const;

export const whatGrownUpsSeeEs: Spanish<typeof whatGrownUpsSeeEn> = {
  see: {
    title: 'Lo que pueden ver mis mayores',
    intro: 'Tus mayores te cuidan en Hearth. Esto es lo que pueden ver.',
    canSee: 'Mis mayores pueden ver',
    sees: {
      friends: 'Quiénes son tus amigos.',
      time: 'Cuánto tiempo usas Hearth cada día.',
      who: 'A quién escribes y llamas, y cuántas veces.',
      approve: 'Cada amigo nuevo. Ellos dicen que sí o que no.',
    },
    promises: 'Hearth promete',
    promise: {
      noStrangers: 'Nadie puede encontrarte. Solo te lo pueden pedir amigos con tu código.',
      ownSpace: 'Tus mensajes están en tu propio espacio. Otros niños de esta computadora no pueden abrirlos en Hearth.',
      noLocation: 'Hearth nunca sabe dónde estás.',
    },
    myWeek: 'Mi semana',
    nothingYet: 'Nada todavía esta semana.',
    dayLine: '{{time}} en Hearth, {{sent}} mensajes enviados, {{got}} mensajes recibidos',
    minutes_zero: 'un ratito',
    minutes_one: '{{count}} minuto',
    minutes_many: '{{count}} minutos',
    minutes_other: '{{count}} minutos',
    with: '(con {{names}})',
  },
};
