/**
 * The calls screens' words, in every language the app speaks, as an i18next namespace (`calls`)
 * that `CallsProvider` adds to the app's i18next instance. Short words: many children cannot read
 * well yet, and the buttons carry pictures too.
 */
import type { i18n as I18n } from 'i18next';

export const CALLS_NAMESPACE = 'calls';

export const callsEn = {
  videoCall: 'Video call',
  audioCall: 'Call',
  videoCallWith: 'Video call {{name}}',
  audioCallWith: 'Call {{name}}',
  isCalling: '{{name}} is calling',
  videoCallKind: 'Video call',
  audioCallKind: 'Voice call',
  accept: 'Answer',
  acceptNoCamera: 'Answer without camera',
  decline: 'Not now',
  calling: 'Calling {{name}}…',
  connecting: 'Connecting…',
  hangUp: 'Hang up',
  cancel: 'Stop calling',
  mute: 'Mute',
  unmute: 'Unmute',
  cameraOff: 'Camera off',
  cameraOn: 'Camera on',
  devices: 'Camera and microphone',
  camera: 'Camera',
  microphone: 'Microphone',
  defaultDevice: 'Usual one',
  close: 'Close',
  ok: 'OK',
  theyMuted: '{{name}} is muted',
  theyCameraOff: '{{name}} turned the camera off',
  you: 'You',
  ended: {
    'hung-up': 'Call ended',
    'remote-hung-up': '{{name}} hung up',
    declined: '{{name}} can’t talk now',
    'we-declined': 'You said not now',
    busy: '{{name}} is in another call',
    'no-answer': '{{name}} didn’t answer',
    missed: 'You missed a call from {{name}}',
    unavailable: '{{name}} isn’t there right now',
    failed: 'The call didn’t work',
  },
  problem: {
    'camera-unavailable': 'Your camera isn’t working, so this is a voice call.',
    'microphone-unavailable': 'Hearth can’t use your microphone.',
    'needs-turn':
      'Calls here must go through your family’s call server, and none is set up. Ask a grown-up to look at the calls setting.',
    'not-callable': 'You can’t call them right now.',
    'already-in-call': 'You’re already in a call.',
  },
  log: {
    title: 'Calls',
    empty: 'No calls yet',
    in: 'From {{name}}',
    out: 'To {{name}}',
    answered: 'Talked {{duration}}',
    missed: 'Missed',
    declined: 'Not now',
    busy: 'Busy',
    failed: 'Didn’t work',
    video: 'video',
    audio: 'voice',
  },
} as const;

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const callsEs: Strings<typeof callsEn> = {
  videoCall: 'Videollamada',
  audioCall: 'Llamar',
  videoCallWith: 'Videollamada a {{name}}',
  audioCallWith: 'Llamar a {{name}}',
  isCalling: '{{name}} te está llamando',
  videoCallKind: 'Videollamada',
  audioCallKind: 'Llamada de voz',
  accept: 'Contestar',
  acceptNoCamera: 'Contestar sin cámara',
  decline: 'Ahora no',
  calling: 'Llamando a {{name}}…',
  connecting: 'Conectando…',
  hangUp: 'Colgar',
  cancel: 'Dejar de llamar',
  mute: 'Silenciar',
  unmute: 'Activar sonido',
  cameraOff: 'Apagar cámara',
  cameraOn: 'Encender cámara',
  devices: 'Cámara y micrófono',
  camera: 'Cámara',
  microphone: 'Micrófono',
  defaultDevice: 'La de siempre',
  close: 'Cerrar',
  ok: 'Vale',
  theyMuted: '{{name}} tiene el sonido apagado',
  theyCameraOff: '{{name}} apagó la cámara',
  you: 'Tú',
  ended: {
    'hung-up': 'Llamada terminada',
    'remote-hung-up': '{{name}} colgó',
    declined: '{{name}} no puede hablar ahora',
    'we-declined': 'Dijiste ahora no',
    busy: '{{name}} está en otra llamada',
    'no-answer': '{{name}} no contestó',
    missed: 'Tienes una llamada perdida de {{name}}',
    unavailable: '{{name}} no está ahora',
    failed: 'La llamada no funcionó',
  },
  problem: {
    'camera-unavailable': 'Tu cámara no funciona, así que es una llamada de voz.',
    'microphone-unavailable': 'Hearth no puede usar tu micrófono.',
    'needs-turn':
      'Aquí las llamadas deben pasar por el servidor de llamadas de tu familia, y no hay ninguno. Pide a una persona adulta que mire el ajuste de llamadas.',
    'not-callable': 'Ahora no puedes llamar a esa persona.',
    'already-in-call': 'Ya estás en una llamada.',
  },
  log: {
    title: 'Llamadas',
    empty: 'Aún no hay llamadas',
    in: 'De {{name}}',
    out: 'A {{name}}',
    answered: 'Hablasteis {{duration}}',
    missed: 'Perdida',
    declined: 'Ahora no',
    busy: 'Ocupado',
    failed: 'No funcionó',
    video: 'vídeo',
    audio: 'voz',
  },
};

/** Adds the calls namespace to an i18next instance (once per language). */
export function addCallTranslations(i18n: I18n): void {
  const bundles = { en: callsEn, es: callsEs } as const;
  for (const [lang, bundle] of Object.entries(bundles)) {
    if (!i18n.hasResourceBundle(lang, CALLS_NAMESPACE)) i18n.addResourceBundle(lang, CALLS_NAMESPACE, bundle);
  }
}
