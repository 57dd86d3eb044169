/**
 * "Delete my grown-up account" (issue 15 §3), in the pane and in parent mode (`pane.deleteMe.*`):
 * in plain words, what goes (and which children, by name, because this grown-up is their last
 * guardian) and what stays; the account password typed again.
 */
import type { Spanish } from '../translation';

export const grownUpDeletePaneEn = {
  deleteMe: {
    title: 'Delete my grown-up account',
    open: 'Delete my grown-up account…',
    goes: 'What goes: your Hearth account (your name, email and password), your sign-ins, the computers you set up for children, your messages with the children, and your place as a guardian or trusted grown-up.',
    childrenGo_one:
      'You are the last guardian of {{names}}, so {{names}}’s account is deleted too, with everything that deleting a child takes.',
    childrenGo_other:
      'You are the last guardian of {{names}}, so their accounts are deleted too, with everything that deleting a child takes.',
    childrenStay:
      '{{names}} stay with their other guardians, who are told at once. The computers you set up sign them out and erase them; the other guardians can set those computers up again.',
    stays:
      'What stays: the record of each consent you gave or withdrew (dates and policy version, without your name), and reports already sent to Hearth’s moderators, for a limited time.',
    yes: 'Delete my account for good',
    done: 'Your account is deleted.',
  },
} as const;

export const grownUpDeletePaneEs: Spanish<typeof grownUpDeletePaneEn> = {
  deleteMe: {
    title: 'Borrar mi cuenta de adulto',
    open: 'Borrar mi cuenta de adulto…',
    goes: 'Lo que se borra: tu cuenta de Hearth (tu nombre, tu correo y tu contraseña), tus sesiones, las computadoras que preparaste para los niños, tus mensajes con los niños y tu lugar como tutor o adulto de confianza.',
    childrenGo_one:
      '{{names}} no tiene más tutela que la tuya, así que también se borra la cuenta de {{names}}, con todo lo que se borra al borrar a un niño.',
    childrenGo_many:
      '{{names}} no tienen más tutela que la tuya, así que también se borran sus cuentas, con todo lo que se borra al borrar a un niño.',
    childrenGo_other:
      '{{names}} no tienen más tutela que la tuya, así que también se borran sus cuentas, con todo lo que se borra al borrar a un niño.',
    childrenStay:
      '{{names}} se quedan con sus otros tutores, a quienes se les avisa enseguida. Las computadoras que preparaste cierran su sesión y borran sus datos; los otros tutores pueden volver a prepararlas.',
    stays:
      'Lo que queda: el registro de cada consentimiento que diste o retiraste (fechas y versión de la política, sin tu nombre) y los reportes ya enviados a los moderadores de Hearth, por un tiempo limitado.',
    yes: 'Borrar mi cuenta para siempre',
    done: 'Tu cuenta está borrada.',
  },
};
