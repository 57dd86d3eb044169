/** Around a message: the photo preview, a message's own actions, unsending, and recording. */
import type { Spanish } from '../translation';

export const chatToolsEn = {
  photoPreview: {
    label: 'Send this photo?',
    send: 'Send photo',
    cancel: 'Cancel',
  },
  actions: {
    more: 'More for this message',
    deleteForMe: 'Delete for me',
    deleteHint: 'It goes away from this computer only.',
    unsend: 'Unsend',
    unsendHint: 'Take it back before {{name}} gets it.',
    unsending: 'Taking it back…',
  },
  unsendRefused: {
    ALREADY_DELIVERED: 'Too late to unsend: {{name}} already has it.',
    TOO_LATE: 'Too late to unsend: it was sent more than 2 minutes ago.',
    NOT_FOUND: 'This message cannot be unsent.',
  },
  record: {
    voiceTitle: 'Voice message',
    videoTitle: 'Video message',
    voiceHint: 'Press the button and talk. Press it again to send.',
    videoHint: 'Press the button to film a short video (up to 2 minutes).',
    voiceDenied: 'Hearth cannot use the microphone. Ask a grown-up to help.',
    videoDenied: 'Hearth cannot use the camera. Ask a grown-up to help.',
    start: 'Start',
    recording: 'Recording',
    stopAndSend: 'Stop and send',
  },
} as const;

export const chatToolsEs: Spanish<typeof chatToolsEn> = {
  photoPreview: {
    label: '¿Enviar esta foto?',
    send: 'Enviar foto',
    cancel: 'Cancelar',
  },
  actions: {
    more: 'Más para este mensaje',
    deleteForMe: 'Borrar para mí',
    deleteHint: 'Solo se borra de esta computadora.',
    unsend: 'Deshacer envío',
    unsendHint: 'Recupéralo antes de que le llegue a {{name}}.',
    unsending: 'Recuperándolo…',
  },
  unsendRefused: {
    ALREADY_DELIVERED: 'Ya no se puede deshacer: {{name}} ya lo tiene.',
    TOO_LATE: 'Ya no se puede deshacer: se envió hace más de 2 minutos.',
    NOT_FOUND: 'Este mensaje no se puede deshacer.',
  },
  record: {
    voiceTitle: 'Mensaje de voz',
    videoTitle: 'Mensaje de video',
    voiceHint: 'Presiona el botón y habla. Vuelve a presionarlo para enviar.',
    videoHint: 'Presiona el botón para grabar un video corto (hasta 2 minutos).',
    voiceDenied: 'Hearth no puede usar el micrófono. Pide ayuda a un adulto.',
    videoDenied: 'Hearth no puede usar la cámara. Pide ayuda a un adulto.',
    start: 'Empezar',
    recording: 'Grabando',
    stopAndSend: 'Parar y enviar',
  },
};
