/**
 * Issue 15 (F11): a child's report in the grown-ups' activity view (`activityReports.*`): the
 * reason the child picked, in words, and where the report itself is.
 */
import type { Spanish } from '../translation';

export const reportGapsEn = {
  activityReports: {
    why: '{{child}} picked: {{reason}}',
    hint: 'Each report is also under Reports, with the messages and calls it holds.',
  },
} as const;

export const reportGapsEs: Spanish<typeof reportGapsEn> = {
  activityReports: {
    why: '{{child}} eligió: {{reason}}',
    hint: 'Cada denuncia está también en Denuncias, con los mensajes y las llamadas que contiene.',
  },
};
