/**
 * Games live in a call (issue 16, F9): the call screen's Play button, the game picker beside the
 * video, and what the panel says about the game (kid words, short: the pictures say the rest).
 */
import type { Spanish } from '../translation';

export const gamesCallEn = {
  gamesCall: {
    play: 'Play',
    playWith: 'Play a game with {{name}}',
    pick: 'What shall we play?',
    close: 'Hide the game',
    another: 'Another game',
    starting: 'Getting the game ready…',
    cannotStart: 'The game could not start. Try again?',
    moveRefused: 'That move did not work. Try another one.',
    goesOnInChat: 'The game goes on in your chat with {{name}}.',
    names: {
      'noughts-and-crosses': 'Noughts and crosses',
      'four-in-a-row': 'Four in a row',
      memory: 'Memory',
      'draw-together': 'Draw together',
    },
  },
} as const;

export const gamesCallEs: Spanish<typeof gamesCallEn> = {
  gamesCall: {
    play: 'Jugar',
    playWith: 'Jugar a algo con {{name}}',
    pick: '¿A qué jugamos?',
    close: 'Ocultar el juego',
    another: 'Otro juego',
    starting: 'Preparando el juego…',
    cannotStart: 'El juego no pudo empezar. ¿Lo intentas otra vez?',
    moveRefused: 'Esa jugada no se puede. Prueba otra.',
    goesOnInChat: 'El juego sigue en tu chat con {{name}}.',
    names: {
      'noughts-and-crosses': 'Tres en raya',
      'four-in-a-row': 'Cuatro en raya',
      memory: 'Memoria',
      'draw-together': 'Dibujar juntos',
    },
  },
};
