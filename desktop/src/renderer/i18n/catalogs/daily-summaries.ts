/**
 * The daily summary after its opt-in (issue 14, F10): the line that tells the child (kid words),
 * and parent mode's list of the summaries each of the child's PCs sent.
 */
import type { Spanish } from '../translation';

export const dailySummariesEn = {
  dailySummaries: {
    kidLine:
      'Each day your grown-ups get a count of your messages and calls from this computer — never what you wrote or your pictures.',
    title: 'Daily summaries',
    intro: 'A count of each day, sent by each of your child’s computers. Never their words or pictures.',
    none: 'No summaries yet. Switch them on for {{name}} in the grown-ups’ pane on the family computer.',
    entry: '{{day}}, from “{{pc}}”',
    minutes: '{{count}} min in Hearth',
    sent_one: '{{count}} message sent',
    sent_other: '{{count}} messages sent',
    received_one: '{{count}} received',
    received_other: '{{count}} received',
    calls_one: '{{count}} call ({{minutes}} min)',
    calls_other: '{{count}} calls ({{minutes}} min)',
    people_one: 'with {{count}} person',
    people_other: 'with {{count}} people',
  },
} as const;

export const dailySummariesEs: Spanish<typeof dailySummariesEn> = {
  dailySummaries: {
    kidLine:
      'Cada día tus mayores reciben una cuenta de tus mensajes y llamadas desde esta computadora — nunca lo que escribiste ni tus fotos.',
    title: 'Resúmenes diarios',
    intro: 'Una cuenta de cada día, enviada por cada computadora de tu hijo o hija. Nunca sus palabras ni sus fotos.',
    none: 'Todavía no hay resúmenes. Enciéndelos para {{name}} en el panel de los mayores, en la computadora de la familia.',
    entry: '{{day}}, desde «{{pc}}»',
    minutes: '{{count}} min en Hearth',
    sent_one: '{{count}} mensaje enviado',
    sent_many: '{{count}} mensajes enviados',
    sent_other: '{{count}} mensajes enviados',
    received_one: '{{count}} recibido',
    received_many: '{{count}} recibidos',
    received_other: '{{count}} recibidos',
    calls_one: '{{count}} llamada ({{minutes}} min)',
    calls_many: '{{count}} llamadas ({{minutes}} min)',
    calls_other: '{{count}} llamadas ({{minutes}} min)',
    people_one: 'con {{count}} persona',
    people_many: 'con {{count}} personas',
    people_other: 'con {{count}} personas',
  },
};
