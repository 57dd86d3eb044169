/** Words every screen shares: the app, buttons, avatars, presence, notifications, parent mode’s start. */
import type { Spanish } from '../translation';

export const commonEn = {
  app: {
    name: 'Hearth',
    starting: 'Hearth is starting…',
    lostConnection: 'Hearth lost its connection to this computer’s Hearth service. Trying again…',
    staleLink: {
      title: 'This Hearth window is out of date',
      kids: 'Please ask a grown-up to open Hearth again.',
      grownUps:
        'For grown-ups: Hearth was started again, or this link has no key. Open the new link that “npm start” printed in the terminal (it ends in ?token=…), and close this tab.',
    },
  },
  common: {
    back: 'Back',
    cancel: 'Cancel',
    continue: 'Continue',
    save: 'Save',
    refresh: 'Refresh',
    dismiss: 'Close',
    unknown: 'unknown',
    language: 'Language',
    readAloud: 'Read aloud',
    newCount_one: '{{count}} new',
    newCount_other: '{{count}} new',
  },
  avatars: {
    fox: 'Fox',
    cat: 'Cat',
    dog: 'Dog',
    bear: 'Bear',
    panda: 'Panda',
    frog: 'Frog',
    lion: 'Lion',
    unicorn: 'Unicorn',
    octopus: 'Octopus',
    rabbit: 'Rabbit',
    turtle: 'Turtle',
    owl: 'Owl',
  },
  presence: {
    online: 'Here now',
    away: 'Away',
    'in-call': 'In a call',
    offline: 'Not here',
  },
  notify: {
    newMessage: 'New message from {{name}}',
  },
  parentStart: {
    lead: 'This is your own Hearth. Open your messages to talk with your children.',
    open: 'Open my messages',
    signInAgain: 'Sign in again',
    signInAgainLead: 'Your Hearth sign-in on this computer has ended. Please sign in again.',
  },
} as const;

export const commonEs: Spanish<typeof commonEn> = {
  app: {
    name: 'Hearth',
    starting: 'Hearth se está abriendo…',
    lostConnection: 'Hearth perdió la conexión con su servicio en esta computadora. Lo intenta de nuevo…',
    staleLink: {
      title: 'Esta ventana de Hearth ya no sirve',
      kids: 'Pídele a una persona adulta que vuelva a abrir Hearth.',
      grownUps:
        'Para personas adultas: Hearth se volvió a iniciar, o este enlace no tiene clave. Abre el enlace nuevo que “npm start” mostró en la terminal (termina en ?token=…) y cierra esta pestaña.',
    },
  },
  common: {
    back: 'Atrás',
    cancel: 'Cancelar',
    continue: 'Continuar',
    save: 'Guardar',
    refresh: 'Actualizar',
    dismiss: 'Cerrar',
    unknown: 'desconocido',
    language: 'Idioma',
    readAloud: 'Leer en voz alta',
    newCount_one: '{{count}} nuevo',
    newCount_many: '{{count}} nuevos',
    newCount_other: '{{count}} nuevos',
  },
  avatars: {
    fox: 'Zorro',
    cat: 'Gato',
    dog: 'Perro',
    bear: 'Oso',
    panda: 'Panda',
    frog: 'Rana',
    lion: 'León',
    unicorn: 'Unicornio',
    octopus: 'Pulpo',
    rabbit: 'Conejo',
    turtle: 'Tortuga',
    owl: 'Búho',
  },
  presence: {
    online: 'Está aquí',
    away: 'Ausente',
    'in-call': 'En una llamada',
    offline: 'No está',
  },
  notify: {
    newMessage: 'Mensaje nuevo de {{name}}',
  },
  parentStart: {
    lead: 'Este es tu propio Hearth. Abre tus mensajes para hablar con tus hijos.',
    open: 'Abrir mis mensajes',
    signInAgain: 'Volver a iniciar sesión',
    signInAgainLead: 'Tu sesión de Hearth en esta computadora terminó. Inicia sesión otra vez, por favor.',
  },
};
