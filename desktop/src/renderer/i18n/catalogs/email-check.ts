/**
 * "Check your email" (issue 12): a relay that sends email asks for the emailed code after a
 * registration, and after a sign-in to an address not verified yet. The words never depend on
 * whether the address already had an account. Also the errors these codes can meet.
 */
import type { Spanish } from '../translation';

export const emailCheckEn = {
  checkEmail: {
    title: 'Check your email',
    lead: 'We sent a 6-digit code to {{email}}. Type it here.',
    spam: 'It can take a minute. Look in the spam folder too.',
    code: 'Code from the email',
    codeHint: '6 digits',
    codeShort: 'The code has 6 digits.',
    needCode: 'Type the 6-digit code from the email to go on.',
    submit: 'Continue',
    resend: 'Send the code again',
    resendWait_one: 'You can ask for a new code in {{count}} second.',
    resendWait_other: 'You can ask for a new code in {{count}} seconds.',
    resent: 'We sent a new code. Use the newest email.',
    differentEmail: 'Use a different email',
  },
} as const;

export const emailCheckEs: Spanish<typeof emailCheckEn> = {
  checkEmail: {
    title: 'Revisa tu correo',
    lead: 'Enviamos un código de 6 dígitos a {{email}}. Escríbelo aquí.',
    spam: 'Puede tardar un minuto. Busca también en la carpeta de correo no deseado.',
    code: 'Código del correo',
    codeHint: '6 dígitos',
    codeShort: 'El código tiene 6 dígitos.',
    needCode: 'Escribe el código de 6 dígitos del correo para seguir.',
    submit: 'Continuar',
    resend: 'Enviar el código otra vez',
    resendWait_one: 'Puedes pedir un código nuevo en {{count}} segundo.',
    resendWait_many: 'Puedes pedir un código nuevo en {{count}} segundos.',
    resendWait_other: 'Puedes pedir un código nuevo en {{count}} segundos.',
    resent: 'Enviamos un código nuevo. Usa el correo más reciente.',
    differentEmail: 'Usar otro correo',
  },
};

/**
 * The errors of the email steps, merged into `errors` (`errors.<code>`, `errors.emailCode.<code>`).
 * EMAIL_NOT_VERIFIED shows only where a sign-in has no "Check your email" step (the pane's unlock
 * with the account, parent mode's sign-in again): a reset code by email confirms the address too.
 */
export const emailErrorsEn = {
  EMAIL_NOT_VERIFIED: 'This email is not confirmed yet. Use “Forgot password?”: the code we email also confirms it.',
  CODE_INVALID: 'That code does not work. Check the newest email, or send a new code.',
  emailCode: {
    CODE_INVALID: 'That code does not work. Check the newest email, or send a new code.',
    RATE_LIMITED: 'That was a lot of tries. Please wait a little, or send a new code.',
    VALIDATION_FAILED: 'The code has 6 digits, and a new password at least 10 characters.',
  },
} as const;

export const emailErrorsEs: Spanish<typeof emailErrorsEn> = {
  EMAIL_NOT_VERIFIED:
    'Este correo aún no está confirmado. Usa “¿Olvidaste la contraseña?”: el código que te enviamos también lo confirma.',
  CODE_INVALID: 'Ese código no funciona. Revisa el correo más reciente o pide un código nuevo.',
  emailCode: {
    CODE_INVALID: 'Ese código no funciona. Revisa el correo más reciente o pide un código nuevo.',
    RATE_LIMITED: 'Han sido muchos intentos. Espera un poco o pide un código nuevo.',
    VALIDATION_FAILED: 'El código tiene 6 dígitos, y la contraseña nueva al menos 10 caracteres.',
  },
};
