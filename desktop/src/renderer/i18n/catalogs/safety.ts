/**
 * Issue 15 (F11, F16): the notice kinds about reports and suspensions (spread into
 * `pane.notices.kind` and `pane.notices.noBy`) and the new error codes' words.
 */
import type { Spanish } from '../translation';

export const safetyNoticesEn = {
  kind: {
    'child-was-reported': 'Another family shared a report about {{child}} with you.',
    'child-suspended': 'Hearth’s moderators paused {{child}}’s account. {{child}} can still reach you.',
    'child-suspension-lifted': 'Hearth’s moderators lifted the pause on {{child}}’s account.',
  },
  noBy: {
    'child-was-reported': 'Another family shared a report about {{child}} with you.',
    'child-suspended': 'Hearth’s moderators paused {{child}}’s account. {{child}} can still reach you.',
    'child-suspension-lifted': 'Hearth’s moderators lifted the pause on {{child}}’s account.',
  },
} as const;

export const safetyNoticesEs: Spanish<typeof safetyNoticesEn> = {
  kind: {
    'child-was-reported': 'Otra familia compartió contigo una denuncia sobre {{child}}.',
    'child-suspended': 'Los moderadores de Hearth pausaron la cuenta de {{child}}. {{child}} todavía puede escribirte.',
    'child-suspension-lifted': 'Los moderadores de Hearth quitaron la pausa de la cuenta de {{child}}.',
  },
  noBy: {
    'child-was-reported': 'Otra familia compartió contigo una denuncia sobre {{child}}.',
    'child-suspended': 'Los moderadores de Hearth pausaron la cuenta de {{child}}. {{child}} todavía puede escribirte.',
    'child-suspension-lifted': 'Los moderadores de Hearth quitaron la pausa de la cuenta de {{child}}.',
  },
};

export const safetyErrorsEn = {
  NOT_A_RECENT_CONTACT: 'This person has not been your contact in the last 30 days, so Hearth cannot take a report about them.',
  ACCOUNT_SUSPENDED: 'This account is paused by Hearth’s moderators. You can still talk to your own grown-ups.',
  EMAIL_BANNED: 'This email address cannot be used on this Hearth server.',
  LEGAL_HOLD: 'This report is kept under a legal hold and cannot be closed or deleted until the hold is lifted.',
  GAMES_OFF: 'Games are turned off for now. A grown-up can turn them on.',
} as const;

export const safetyErrorsEs: Spanish<typeof safetyErrorsEn> = {
  NOT_A_RECENT_CONTACT:
    'Esta persona no ha sido tu contacto en los últimos 30 días, así que Hearth no puede recibir una denuncia sobre ella.',
  ACCOUNT_SUSPENDED: 'Los moderadores de Hearth pausaron esta cuenta. Todavía puedes hablar con tus mayores.',
  EMAIL_BANNED: 'Esta dirección de correo no se puede usar en este servidor de Hearth.',
  LEGAL_HOLD: 'Esta denuncia está retenida por una orden legal y no se puede cerrar ni borrar hasta que se levante.',
  GAMES_OFF: 'Los juegos están apagados por ahora. Una persona mayor puede encenderlos.',
};
