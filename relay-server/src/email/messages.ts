import type { PolicyLanguage } from '@hearth/common';
import type { OutgoingMail } from '../mail/mailer';

/**
 * The emails the relay sends (issue 12), in English and neutral Spanish. Each says what it is
 * for and what to do if the reader did not ask for it; none says whether any other account exists.
 */
type Lang = PolicyLanguage;

const minutes = (ms: number): number => Math.round(ms / 60_000);

export function verifyMail(lang: Lang, to: string, code: string, ttlMs: number): OutgoingMail {
  return lang === 'es'
    ? {
        to,
        subject: `Hearth: tu código de verificación es ${code}`,
        text: `Hola:\n\nTu código para confirmar este correo en Hearth es:\n\n    ${code}\n\nEscríbelo en Hearth en los próximos ${minutes(ttlMs)} minutos. Solo sirve una vez.\n\nSi no creaste una cuenta en Hearth, ignora este correo: sin el código no se activa ninguna cuenta.\n`,
      }
    : {
        to,
        subject: `Hearth: your verification code is ${code}`,
        text: `Hello,\n\nYour code to confirm this email address on Hearth is:\n\n    ${code}\n\nType it in Hearth within ${minutes(ttlMs)} minutes. It works once.\n\nIf you did not create a Hearth account, ignore this email: without the code no account is activated.\n`,
      };
}

export function resetMail(lang: Lang, to: string, code: string, ttlMs: number): OutgoingMail {
  return lang === 'es'
    ? {
        to,
        subject: `Hearth: tu código para cambiar la contraseña es ${code}`,
        text: `Hola:\n\nAlguien (seguramente tú) pidió cambiar la contraseña de tu cuenta de Hearth. Tu código es:\n\n    ${code}\n\nEscríbelo en Hearth, junto con la contraseña nueva, en los próximos ${minutes(ttlMs)} minutos. Solo sirve una vez. Al cambiarla se cierran todas las sesiones de tu cuenta; los PC de tus hijos siguen inscritos.\n\nSi no lo pediste, ignora este correo: tu contraseña no cambia.\n`,
      }
    : {
        to,
        subject: `Hearth: your code to change your password is ${code}`,
        text: `Hello,\n\nSomeone (most likely you) asked to change the password of your Hearth account. Your code is:\n\n    ${code}\n\nType it in Hearth, with your new password, within ${minutes(ttlMs)} minutes. It works once. Changing the password signs your account out everywhere; your children's PCs stay enrolled.\n\nIf you did not ask for this, ignore this email: your password does not change.\n`,
      };
}

/** To an address that already has a verified account, when someone registers with it again. */
export function alreadyRegisteredMail(lang: Lang, to: string): OutgoingMail {
  return lang === 'es'
    ? {
        to,
        subject: 'Hearth: alguien intentó registrarse con tu correo',
        text: `Hola:\n\nAlguien intentó crear una cuenta de Hearth con este correo, pero ya tienes una. No cambiamos nada.\n\nSi fuiste tú, inicia sesión, o usa "¿Olvidaste tu contraseña?" si no la recuerdas.\n\nSi no fuiste tú, ignora este correo: tu cuenta sigue igual.\n`,
      }
    : {
        to,
        subject: 'Hearth: someone tried to register with your email',
        text: `Hello,\n\nSomeone tried to create a Hearth account with this email address, but you already have one. Nothing was changed.\n\nIf it was you, sign in, or use "Forgot password" if you do not remember it.\n\nIf it was not you, ignore this email: your account is as it was.\n`,
      };
}
