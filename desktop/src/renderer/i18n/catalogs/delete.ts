/**
 * Deleting a child from the pane (issue 15 §3): the account password typed again and, in plain
 * words, what goes and what stays (`pane.deleteForGood.*`). Withdrawing consent is the same action.
 */
import type { Spanish } from '../translation';

export const deletePaneEn = {
  deleteForGood: {
    withdraw: 'Withdraw my consent',
    withdrawLead:
      'Withdrawing your consent means {{name}} can no longer use Hearth, so it deletes {{name}}’s account: it is the same as deleting it.',
    goes: 'What goes: {{name}}’s account, username and picture, friends, invite codes, messages and files waiting on the Hearth server, and everything of {{name}} on every computer {{name}} uses (each computer erases it the next time it is on).',
    stays:
      'What stays: the record that consent was given and withdrawn (dates and policy version, without a name), reports already sent to Hearth’s moderators, and a ban record if there is one. {{name}}’s friends keep the messages they already received and see {{name}} as “no longer here”.',
    password: 'Your Hearth account password',
    passwordHint: 'Type it again to show it is really you.',
  },
} as const;

export const deletePaneEs: Spanish<typeof deletePaneEn> = {
  deleteForGood: {
    withdraw: 'Retirar mi consentimiento',
    withdrawLead:
      'Retirar tu consentimiento significa que {{name}} ya no puede usar Hearth, así que borra la cuenta de {{name}}: es lo mismo que borrarla.',
    goes: 'Lo que se borra: la cuenta de {{name}}, su nombre de usuario y su imagen, sus amigos, sus códigos de invitación, los mensajes y archivos que esperan en el servidor de Hearth, y todo lo de {{name}} en cada computadora que {{name}} usa (cada una lo borra la próxima vez que esté encendida).',
    stays:
      'Lo que queda: el registro de que se dio y se retiró el consentimiento (fechas y versión de la política, sin nombre), los reportes ya enviados a los moderadores de Hearth y un registro de bloqueo si lo hay. Los amigos de {{name}} conservan los mensajes que ya recibieron y ven a {{name}} como «ya no está aquí».',
    password: 'La contraseña de tu cuenta de Hearth',
    passwordHint: 'Escríbela otra vez para mostrar que eres tú.',
  },
} as const;

/** A friend whose account was deleted, on the child's home (kid words). */
export const deleteKidEn = {
  kidGone: {
    noLongerHere: 'No longer here',
  },
} as const;

export const deleteKidEs: Spanish<typeof deleteKidEn> = {
  kidGone: {
    noLongerHere: 'Ya no está aquí',
  },
} as const;
