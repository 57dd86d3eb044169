/**
 * "Forgot password?" (issue 12) on every grown-up sign-in: a code by email (or, on a Hearth server
 * that sends no email, from the person who runs it), then a new password. The first answer is the
 * same whether or not the address has an account.
 */
import type { Spanish } from '../translation';

export const emailRecoveryEn = {
  forgot: {
    link: 'Forgot password?',
    title: 'A new password',
    lead: 'Type the email of your Hearth account. We will help you choose a new password.',
    send: 'Get a code',
    cancel: 'Back to sign-in',
    sentEmail: 'If this email has a Hearth account, we sent it a code. It can take a minute: look in the spam folder too.',
    askOperator: 'This Hearth server does not send email. Ask the person who runs it for a reset code. They run:',
    operatorCommand: 'npm run relay:admin -- reset-password --email {{email}}',
    code: 'Reset code',
    codeHint: '6 digits',
    newPassword: 'New password for your Hearth account',
    newPasswordAgain: 'The new password again',
    mismatch: 'The two passwords are not the same.',
    needBoth: 'Type the new password twice to go on.',
    needCode: 'Type the 6-digit reset code to go on.',
    whatHappens:
      'Saving the new password signs you out on every other computer and phone. The children’s computers keep working.',
    save: 'Save the new password',
    differentEmail: 'Use a different email',
    doneTitle: 'Your new password is saved',
    done: 'You are signed in here. Your other sessions were signed out: sign in again there with the new password. The children’s computers keep working as before.',
    continue: 'Continue',
  },
} as const;

export const emailRecoveryEs: Spanish<typeof emailRecoveryEn> = {
  forgot: {
    link: '¿Olvidaste la contraseña?',
    title: 'Una contraseña nueva',
    lead: 'Escribe el correo de tu cuenta de Hearth. Te ayudaremos a elegir una contraseña nueva.',
    send: 'Recibir un código',
    cancel: 'Volver a iniciar sesión',
    sentEmail:
      'Si este correo tiene una cuenta de Hearth, le enviamos un código. Puede tardar un minuto: busca también en la carpeta de correo no deseado.',
    askOperator: 'Este servidor de Hearth no envía correos. Pide un código a la persona que lo administra. Debe ejecutar:',
    operatorCommand: 'npm run relay:admin -- reset-password --email {{email}}',
    code: 'Código para cambiar la contraseña',
    codeHint: '6 dígitos',
    newPassword: 'Contraseña nueva de tu cuenta de Hearth',
    newPasswordAgain: 'La contraseña nueva otra vez',
    mismatch: 'Las dos contraseñas no son iguales.',
    needBoth: 'Escribe la contraseña nueva dos veces para seguir.',
    needCode: 'Escribe el código de 6 dígitos para seguir.',
    whatHappens:
      'Al guardar la contraseña nueva se cierra tu sesión en todas las demás computadoras y teléfonos. Las computadoras de los niños siguen funcionando.',
    save: 'Guardar la contraseña nueva',
    differentEmail: 'Usar otro correo',
    doneTitle: 'Tu contraseña nueva está guardada',
    done: 'Iniciaste sesión aquí. Tus otras sesiones se cerraron: vuelve a iniciar sesión allí con la contraseña nueva. Las computadoras de los niños siguen funcionando como antes.',
    continue: 'Continuar',
  },
};
