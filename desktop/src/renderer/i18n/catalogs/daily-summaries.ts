/**
 * The daily summary after its opt-in (issue 14, F10): the line that tells the child (kid words),
 * and parent mode's list of the summaries each of the child's PCs sent.
 */
import type { Spanish } from '../translation';

export const dailySummariesEn = {
  dailySummaries: {
    kidLine: 'Each day your grown-ups get a count of your messages and calls from this computer — never what you wrote or your pictures.',
    title: 'Daily summaries',
    intro: 'A count of each day, sent by each of your child’s computers. Never their words or pictures.',
    none: 'No summaries yet. Switch them on for {{name}} in the grown-ups’ pane on the family computer.',
    entry: '{{day}}, from “{{pc}}”',
    line: '{{minutes}} min in Hearth · {{sent}} messages sent · {{received}} received · {{calls}} calls ({{callMinutes}} min) · with {{people}} people',
  },
} as const;

export const dailySummariesEs: Spanish<typeof dailySummariesEn> = {
  dailySummaries: {
    kidLine: 'Cada día tus mayores reciben una cuenta de tus mensajes y llamadas desde esta computadora — nunca lo que escribiste ni tus fotos.',
    title: 'Resúmenes diarios',
    intro: 'Una cuenta de cada día, enviada por cada computadora de tu hijo o hija. Nunca sus palabras ni sus fotos.',
    none: 'Todavía no hay resúmenes. Enciéndelos para {{name}} en el panel de los mayores, en la computadora de la familia.',
    entry: '{{day}}, desde «{{pc}}»',
    line: '{{minutes}} min en Hearth · {{sent}} mensajes enviados · {{received}} recibidos · {{calls}} llamadas ({{callMinutes}} min) · con {{people}} personas',
  },
};
