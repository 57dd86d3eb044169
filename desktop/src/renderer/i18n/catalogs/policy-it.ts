/**
 * Issue 17: the machine policy set by a school or IT, as the grown-ups' pane shows it
 * ("About this computer", `pane.machinePolicy.*`), and its error code's words.
 */
import type { Spanish } from '../translation';

export const policyItEn = {
  machinePolicy: {
    title: 'About this computer',
    lead: 'Settings your school or IT set on this computer, and where each one comes from.',
    setByIt: 'Set by your school or IT',
    relay: 'Hearth server',
    source: {
      managed: 'Set by your school or IT',
      recommended: 'Suggested by your school or IT (you may change it)',
      default: 'Hearth’s default',
    },
    settings: {
      relayUrl: 'Hearth server',
      relayOnlyCalls: 'Calls go through the Hearth server',
      effectsAllowed: 'Camera effects',
      gamesAllowed: 'Games',
      parentModeAllowed: 'Parent mode on this computer',
      languages: 'Languages offered',
      maxChildProfiles: 'Most children on this computer',
      quietHoursFloor: 'Quiet hours on this computer',
      updateChannel: 'Updates',
      autoInstallUpdates: 'Updates install by themselves',
      dataFolder: 'Data folder',
      requireKeyring: 'Needs the system’s keyring',
    },
    yes: 'Yes',
    no: 'No',
    notSet: 'Not set',
    from: 'from {{origin}}',
    problems: 'Skipped because something was wrong',
    noProblems: 'Nothing was skipped.',
  },
} as const;

export const policyItEs: Spanish<typeof policyItEn> = {
  machinePolicy: {
    title: 'Acerca de esta computadora',
    lead: 'Ajustes que tu escuela o TI definió en esta computadora, y de dónde viene cada uno.',
    setByIt: 'Definido por tu escuela o TI',
    relay: 'Servidor de Hearth',
    source: {
      managed: 'Definido por tu escuela o TI',
      recommended: 'Sugerido por tu escuela o TI (puedes cambiarlo)',
      default: 'Valor predeterminado de Hearth',
    },
    settings: {
      relayUrl: 'Servidor de Hearth',
      relayOnlyCalls: 'Las llamadas pasan por el servidor de Hearth',
      effectsAllowed: 'Efectos de cámara',
      gamesAllowed: 'Juegos',
      parentModeAllowed: 'Modo de madre o padre en esta computadora',
      languages: 'Idiomas ofrecidos',
      maxChildProfiles: 'Máximo de niños en esta computadora',
      quietHoursFloor: 'Hora de descansar en esta computadora',
      updateChannel: 'Actualizaciones',
      autoInstallUpdates: 'Las actualizaciones se instalan solas',
      dataFolder: 'Carpeta de datos',
      requireKeyring: 'Necesita el llavero del sistema',
    },
    yes: 'Sí',
    no: 'No',
    notSet: 'Sin definir',
    from: 'desde {{origin}}',
    problems: 'Omitido porque algo estaba mal',
    noProblems: 'No se omitió nada.',
  },
};

export const policyItErrorsEn = {
  SET_BY_POLICY: 'Your school or IT set this on this computer, so it cannot be changed here.',
} as const;

export const policyItErrorsEs: Spanish<typeof policyItErrorsEn> = {
  SET_BY_POLICY: 'Tu escuela o TI definió esto en esta computadora, así que no se puede cambiar aquí.',
};
