/** A friendly sentence per error code, with sharper ones for some screens (`errors.<context>.<code>`). */
import type { Spanish } from '../translation';

export const errorsEn = {
  errors: {
    generic: 'Something went wrong. Please try again.',
    VALIDATION_FAILED: 'Something in the form is not quite right. Please check it.',
    UNAVAILABLE: 'Hearth cannot reach its server right now. Please try again soon.',
    UNAUTHENTICATED: 'Please sign in again.',
    FORBIDDEN: 'That is not allowed here.',
    NOT_FOUND: 'That could not be found any more.',
    RATE_LIMITED: 'That was a lot of tries. Please wait a little, then try again.',
    EMAIL_TAKEN: 'There is already an account with this email. Try signing in instead.',
    USERNAME_TAKEN: 'That username is taken. Please pick another one.',
    CONSENT_REQUIRED: 'Please agree to the privacy policy first.',
    POLICY_VERSION_MISMATCH: 'The privacy policy has changed. Please read it again.',
    INVITE_INVALID: 'That code does not work. Check the letters, or ask your friend for a new code.',
    INVITE_OWN: 'That is your own code! Give it to a friend.',
    NOT_FRIENDS: 'You can only talk to friends your grown-ups said yes to.',
    LOCKED: 'Ask a grown-up to unlock the grown-ups’ pane.',
    WRONG_PASSWORD: 'That password is not right.',
    CONFLICT: 'That cannot be done on this computer.',
    PAYLOAD_TOO_LARGE: 'That file is too big to send.',
    UNSUPPORTED_MEDIA_TYPE: 'Hearth cannot send that kind of file.',
    APP_TOO_OLD: 'Hearth needs an update to talk to its server. Please ask a grown-up to install the latest Hearth.',
    QUOTA_EXCEEDED: 'There is no more room for files right now. Wait until your friends have them, then try again.',
    STORAGE_FULL: 'The Hearth server is full right now. Please try again later.',
    account: {
      UNAUTHENTICATED: 'That email and password do not match a Hearth account.',
      FORBIDDEN: 'This computer belongs to another family’s Hearth account.',
      CONFLICT: 'This computer is set up for children. Parent mode is for your own computer.',
    },
    unlock: {
      WRONG_PASSWORD: 'That is not the grown-ups’ password.',
      RATE_LIMITED: 'Too many wrong tries. Please wait, then try again.',
    },
    accountUnlock: {
      WRONG_PASSWORD: 'That email and password do not match a Hearth account.',
      FORBIDDEN:
        'Only the grown-up who set up this computer, or whose child has a profile on it, can open the pane with their account.',
      RATE_LIMITED: 'The Hearth server asks you to wait a little before trying this account again.',
      CONFLICT: 'Hearth is not set up on this computer yet.',
    },
    pictures: {
      WRONG_PASSWORD: 'Those are not your secret pictures. Try again!',
      RATE_LIMITED: 'Let’s wait a little bit, then try your pictures again.',
    },
    invite: {
      RATE_LIMITED: 'That is a lot of codes! Please wait a while before making another.',
    },
    redeem: {
      FORBIDDEN: 'Only children can add friends with a code.',
    },
    send: {
      NOT_FRIENDS: 'You can only send messages to friends your grown-ups said yes to.',
    },
    child: {
      USERNAME_TAKEN: 'That username is taken. Please pick another one.',
    },
    backgrounds: {
      UNSUPPORTED_MEDIA_TYPE: 'That is not a picture Hearth can use. Try a photo!',
      PAYLOAD_TOO_LARGE: 'That picture is too big. Try a smaller one!',
      CONFLICT: 'You have lots of pictures already. Delete one first.',
    },
  },
} as const;

export const errorsEs: Spanish<typeof errorsEn> = {
  errors: {
    generic: 'Algo salió mal. Inténtalo otra vez.',
    VALIDATION_FAILED: 'Algo del formulario no está bien. Revísalo, por favor.',
    UNAVAILABLE: 'Hearth no logra conectarse con su servidor ahora mismo. Inténtalo de nuevo en un rato.',
    UNAUTHENTICATED: 'Vuelve a iniciar sesión, por favor.',
    FORBIDDEN: 'Eso no se puede hacer aquí.',
    NOT_FOUND: 'Ya no se encuentra.',
    RATE_LIMITED: 'Han sido muchos intentos. Espera un poco y vuelve a probar.',
    EMAIL_TAKEN: 'Ya hay una cuenta con este correo. Intenta iniciar sesión.',
    USERNAME_TAKEN: 'Ese nombre de usuario ya está en uso. Elige otro.',
    CONSENT_REQUIRED: 'Primero acepta la política de privacidad.',
    POLICY_VERSION_MISMATCH: 'La política de privacidad ha cambiado. Léela otra vez, por favor.',
    INVITE_INVALID: 'Ese código no funciona. Revisa las letras o pide a tu amigo un código nuevo.',
    INVITE_OWN: '¡Ese es tu propio código! Dáselo a un amigo.',
    NOT_FRIENDS: 'Solo puedes hablar con amigos a los que tus mayores dijeron que sí.',
    LOCKED: 'Pide a un adulto que abra el panel de los mayores.',
    WRONG_PASSWORD: 'La contraseña no es correcta.',
    CONFLICT: 'Eso no se puede hacer en esta computadora.',
    PAYLOAD_TOO_LARGE: 'Ese archivo es demasiado grande para enviarlo.',
    UNSUPPORTED_MEDIA_TYPE: 'Hearth no puede enviar ese tipo de archivo.',
    APP_TOO_OLD:
      'Hearth necesita actualizarse para hablar con su servidor. Pide a un adulto que instale la última versión de Hearth.',
    QUOTA_EXCEEDED: 'Ahora no hay más lugar para archivos. Espera a que tus amigos los tengan y vuelve a intentarlo.',
    STORAGE_FULL: 'El servidor de Hearth está lleno ahora mismo. Inténtalo más tarde.',
    account: {
      UNAUTHENTICATED: 'Ese correo y esa contraseña no son de ninguna cuenta de Hearth.',
      FORBIDDEN: 'Esta computadora es de la cuenta de Hearth de otra familia.',
      CONFLICT: 'Esta computadora está preparada para niños. El modo de madre o padre es para tu propia computadora.',
    },
    unlock: {
      WRONG_PASSWORD: 'Esa no es la contraseña de los mayores.',
      RATE_LIMITED: 'Demasiados intentos. Espera y vuelve a probar.',
    },
    accountUnlock: {
      WRONG_PASSWORD: 'Ese correo y esa contraseña no coinciden con ninguna cuenta de Hearth.',
      FORBIDDEN:
        'Solo la persona adulta que configuró esta computadora, o cuyo hijo tiene un perfil en ella, puede abrir el panel con su cuenta.',
      RATE_LIMITED: 'El servidor de Hearth pide esperar un poco antes de volver a probar con esta cuenta.',
      CONFLICT: 'Hearth todavía no está configurado en esta computadora.',
    },
    pictures: {
      WRONG_PASSWORD: '¡Esos no son tus dibujos secretos! Prueba otra vez.',
      RATE_LIMITED: 'Esperemos un poquito y luego prueba tus dibujos otra vez.',
    },
    invite: {
      RATE_LIMITED: '¡Cuántos códigos! Espera un rato antes de hacer otro.',
    },
    redeem: {
      FORBIDDEN: 'Solo los niños pueden agregar amigos con un código.',
    },
    send: {
      NOT_FRIENDS: 'Solo puedes enviar mensajes a amigos a los que tus mayores dijeron que sí.',
    },
    child: {
      USERNAME_TAKEN: 'Ese nombre de usuario ya está en uso. Elige otro.',
    },
    backgrounds: {
      UNSUPPORTED_MEDIA_TYPE: 'Eso no es una foto que Hearth pueda usar. ¡Prueba con una foto!',
      PAYLOAD_TOO_LARGE: 'Esa foto es demasiado grande. ¡Prueba con una más pequeña!',
      CONFLICT: 'Ya tienes muchas fotos. Borra una primero.',
    },
  },
};
