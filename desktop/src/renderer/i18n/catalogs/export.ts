/**
 * The family's export (issue 15 §4): the pane's "Save a copy" card (`pane.export.*`) and the
 * child's note that a copy was saved (`kidExport.*`, kid words).
 */
import type { Spanish } from '../translation';

export const exportPaneEn = {
  export: {
    title: 'Save a copy of a child’s Hearth',
    text: 'One ZIP file with everything this computer holds of the child (messages, photos, voice and video messages, friends, calls, activity) and what the Hearth server holds about them. Unzip it and open index.html: it works without the internet. Your child is told that a copy was saved.',
    button: 'Save a copy of {{name}}’s Hearth',
    saving: 'Saving a copy of {{name}}’s Hearth…',
    progress: 'Saving {{name}}’s copy',
    saved: 'Saved: {{file}}',
    where: 'In the folder: {{folder}}',
    counts: 'Messages: {{messages}}. Photos, voice and video messages: {{media}}.',
    withoutRelay:
      'The Hearth server could not be asked (sign in and save again to include what it holds). Everything on this computer is in the copy.',
    noChildren: 'There is no child on this computer yet.',
  },
} as const;

export const exportPaneEs: Spanish<typeof exportPaneEn> = {
  export: {
    title: 'Guardar una copia del Hearth de un niño',
    text: 'Un archivo ZIP con todo lo que esta computadora guarda del niño o niña (mensajes, fotos, mensajes de voz y de video, amigos, llamadas, actividad) y lo que el servidor de Hearth guarda sobre él o ella. Descomprímelo y abre index.html: funciona sin internet. A tu hijo o hija se le avisa de que se guardó una copia.',
    button: 'Guardar una copia del Hearth de {{name}}',
    saving: 'Guardando una copia del Hearth de {{name}}…',
    progress: 'Guardando la copia de {{name}}',
    saved: 'Guardado: {{file}}',
    where: 'En la carpeta: {{folder}}',
    counts: 'Mensajes: {{messages}}. Fotos, mensajes de voz y de video: {{media}}.',
    withoutRelay:
      'No se pudo preguntar al servidor de Hearth (inicia sesión y guarda otra vez para incluir lo que guarda). Todo lo de esta computadora está en la copia.',
    noChildren: 'Todavía no hay ningún niño en esta computadora.',
  },
};

export const kidExportEn = {
  kidExport: {
    saved: 'Your grown-up saved a copy of your messages on {{date}}.',
  },
} as const;

export const kidExportEs: Spanish<typeof kidExportEn> = {
  kidExport: {
    saved: 'Tu mayor guardó una copia de tus mensajes el {{date}}.',
  },
};
