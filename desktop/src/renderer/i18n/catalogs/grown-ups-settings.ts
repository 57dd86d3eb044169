/** The grown-ups’ pane: activity, settings, what comes later. (`pane.*`) */
import type { Spanish } from '../translation';

export const grownUpsSettingsEn = {
  activity: {
    lead: 'What each child on this computer did in the last 7 days. Your children can see this too.',
    noChildren: 'No children on this computer.',
    none: 'Nothing yet.',
    caption: 'Activity of {{name}}',
    day: 'Day',
    minutes: 'Minutes',
    sent: 'Sent',
    received: 'Received',
    calls: 'Calls',
    people: 'People',
  },
  settings: {
    autoLock: 'Lock the grown-ups’ pane after',
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
    languageAuto: 'Same as this computer',
    readAloud: 'Show read-aloud buttons on every screen, for children who cannot read yet',
    relayOnlyCalls: 'Send calls through the Hearth server, so no computer address reaches the other family',
    changePassword: 'Change the grown-ups’ password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    passwordSaved: 'The new password is saved.',
    parentMode: 'Parent mode',
    parentModeText: 'This computer keeps you signed in so you can message your children. Leaving parent mode signs you out here.',
    leaveParentMode: 'Leave parent mode',
    startParentModeText: 'No children use this computer. Make it your own Hearth: stay signed in here and message your children.',
    startParentMode: 'Use parent mode here',
  },
  later: {
    soon: 'Coming soon',
    reports: {
      title: 'Reports',
      text: 'What your children reported, and who they blocked.',
    },
    deleteChild: {
      title: 'Delete a child’s account',
      text: 'Now in “Family grown-ups”: each child there has a button to delete their account and everything in it. Any parent or guardian of the child can do it; the others are told at once.',
      open: 'Go to Family grown-ups',
    },
  },
} as const;

export const grownUpsSettingsEs: Spanish<typeof grownUpsSettingsEn> = {
  activity: {
    lead: 'Lo que hizo cada niño de esta computadora en los últimos 7 días. Tus hijos también pueden verlo.',
    noChildren: 'No hay niños en esta computadora.',
    none: 'Nada todavía.',
    caption: 'Actividad de {{name}}',
    day: 'Día',
    minutes: 'Minutos',
    sent: 'Enviados',
    received: 'Recibidos',
    calls: 'Llamadas',
    people: 'Personas',
  },
  settings: {
    autoLock: 'Cerrar el panel de los mayores después de',
    minutes_one: '{{count}} minuto',
    minutes_many: '{{count}} minutos',
    minutes_other: '{{count}} minutos',
    languageAuto: 'El mismo que esta computadora',
    readAloud: 'Mostrar botones para leer en voz alta en todas las pantallas, para niños que aún no saben leer',
    relayOnlyCalls:
      'Pasar las llamadas por el servidor de Hearth, para que la dirección de la computadora no llegue a la otra familia',
    changePassword: 'Cambiar la contraseña de los mayores',
    currentPassword: 'Contraseña actual',
    newPassword: 'Contraseña nueva',
    passwordSaved: 'La contraseña nueva está guardada.',
    parentMode: 'Modo de madre o padre',
    parentModeText:
      'Esta computadora mantiene tu sesión iniciada para que puedas escribir a tus hijos. Al salir del modo se cierra tu sesión aquí.',
    leaveParentMode: 'Salir del modo de madre o padre',
    startParentModeText:
      'Ningún niño usa esta computadora. Hazlo tu propio Hearth: sigue con la sesión iniciada aquí y escribe a tus hijos.',
    startParentMode: 'Usar aquí el modo de madre o padre',
  },
  later: {
    soon: 'Próximamente',
    reports: {
      title: 'Avisos',
      text: 'Lo que tus hijos han avisado y a quién han bloqueado.',
    },
    deleteChild: {
      title: 'Borrar la cuenta de un niño o una niña',
      text: 'Ahora está en “Los mayores de la familia”: allí cada niño tiene un botón para borrar su cuenta y todo lo que contiene. Puede hacerlo cualquier padre, madre o tutor del niño; los demás reciben un aviso enseguida.',
      open: 'Ir a Los mayores de la familia',
    },
  },
};
