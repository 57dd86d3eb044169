/**
 * Issue 15 (F11): "Something's wrong", the child's words: the button, the reason pictures (read
 * aloud), the optional voice note and the same calm words in every case.
 */
import type { Spanish } from '../translation';

export const reportChildEn = {
  report: {
    button: 'Something’s wrong',
    buttonAbout: 'Something’s wrong with {{name}}',
    title: 'What happened?',
    hint: 'Pick a picture. You can also say it with your voice.',
    reasons: {
      'mean-words': 'Mean words',
      'scary-picture': 'A scary or rude picture',
      'secrets-or-where-i-live': 'Asked for secrets or where I live',
      'wants-to-meet': 'Wants to meet me',
      'something-else': 'Something else',
    },
    voice: 'Say it with my voice',
    voiceAdded: 'Your voice is added.',
    send: 'Tell a grown-up',
    cancel: 'Go back',
    sending: 'Telling…',
    calm: 'You did the right thing. A grown-up will see this.',
    ok: 'OK',
  },
} as const;

export const reportChildEs: Spanish<typeof reportChildEn> = {
  report: {
    button: 'Algo va mal',
    buttonAbout: 'Algo va mal con {{name}}',
    title: '¿Qué pasó?',
    hint: 'Elige un dibujo. También puedes decirlo con tu voz.',
    reasons: {
      'mean-words': 'Palabras feas',
      'scary-picture': 'Una foto que da miedo o es grosera',
      'secrets-or-where-i-live': 'Me pidió secretos o dónde vivo',
      'wants-to-meet': 'Quiere quedar conmigo',
      'something-else': 'Otra cosa',
    },
    voice: 'Decirlo con mi voz',
    voiceAdded: 'Tu voz está añadida.',
    send: 'Avisar a un adulto',
    cancel: 'Volver',
    sending: 'Avisando…',
    calm: 'Hiciste lo correcto. Un adulto lo verá.',
    ok: 'De acuerdo',
  },
};
