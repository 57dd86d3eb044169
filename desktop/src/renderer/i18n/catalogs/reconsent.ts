/** Re-consent after a policy change (F15): the pane's card and history (`pane.reconsent.*`), the child's notice (`kidReconsent.*`). */
import type { Spanish } from '../translation';

export const reconsentEn = {
  reconsent: {
    title: 'The privacy policy changed',
    intro: 'Please read what changed. Until you agree, you cannot add a child or approve a friend.',
    whatChanged: 'What changed (version {{version}})',
    forChildren: 'Your agreement covers: {{names}}',
    graceEnds:
      'Until {{date}} your children’s friendships keep working. After that, they can only reach their grown-ups until a guardian agrees.',
    graceOver: 'Until a guardian agrees, your children can only reach their grown-ups, and their friends’ messages wait.',
    agree: 'I have read it and I agree',
    thanks: 'Thank you. Your agreement to version {{version}} is recorded.',
    historyTitle: 'Consent history',
    historyFor: 'Consent history for {{name}}',
    historyColumns: { version: 'Version', who: 'Who', when: 'When', state: 'State' },
    given: 'Given',
    withdrawn: 'Withdrawn on {{date}}',
    none: 'No consent recorded.',
  },
} as const;

export const reconsentEs: Spanish<typeof reconsentEn> = {
  reconsent: {
    title: 'La política de privacidad cambió',
    intro: 'Lee lo que cambió. Hasta que lo aceptes, no puedes agregar un niño ni aprobar un amigo.',
    whatChanged: 'Lo que cambió (versión {{version}})',
    forChildren: 'Tu aceptación cubre a: {{names}}',
    graceEnds:
      'Hasta el {{date}} las amistades de tus hijos siguen funcionando. Después, solo podrán hablar con sus adultos hasta que un tutor acepte.',
    graceOver: 'Hasta que un tutor acepte, tus hijos solo pueden hablar con sus adultos, y los mensajes de sus amigos esperan.',
    agree: 'Lo leí y lo acepto',
    thanks: 'Gracias. Tu aceptación de la versión {{version}} quedó registrada.',
    historyTitle: 'Historial de consentimiento',
    historyFor: 'Historial de consentimiento de {{name}}',
    historyColumns: { version: 'Versión', who: 'Quién', when: 'Cuándo', state: 'Estado' },
    given: 'Dado',
    withdrawn: 'Retirado el {{date}}',
    none: 'No hay consentimiento registrado.',
  },
};

/** The child's words while its grown-ups have not looked at the new policy (past the grace period). */
export const kidReconsentEn = {
  kidReconsent: {
    notice: 'Ask your grown-up to look at something new. Until then, you can talk to your grown-ups.',
  },
} as const;

export const kidReconsentEs: Spanish<typeof kidReconsentEn> = {
  kidReconsent: {
    notice: 'Pídele a tu adulto que mire algo nuevo. Mientras tanto, puedes hablar con tus adultos.',
  },
};
