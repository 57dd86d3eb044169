/**
 * Updates (issue 17 §3) and how this computer keeps its sign-ins (§4), in the grown-ups' pane's
 * "This computer" section.
 */
import type { Spanish } from '../translation';

export const updatesItEn = {
  updates: {
    title: 'Updates',
    ready: 'A new version is ready',
    readyBody: 'Hearth {{version}} is ready (this computer has {{current}}).',
    installNow: 'Install now',
    later: 'Later',
    waiting: 'Hearth {{version}} is waiting until you choose to install it.',
    installing: 'Hearth will close, install the new version and open again.',
    itInstalls:
      'On this computer your school or IT (or the system’s own software updates) installs new versions; Hearth only lets you know.',
    upToDate: 'Hearth {{current}} is up to date.',
    checkNow: 'Check now',
    checking: 'Looking for a new version…',
    notPackaged: 'This copy of Hearth was not installed from a package, so it is not updated here.',
    channel: 'Update channel: {{channel}}',
    channelStable: 'Stable',
    channelBeta: 'Beta (early versions)',
    autoOn: 'New versions install by themselves when Hearth closes.',
    autoOff: 'A grown-up chooses when new versions are installed.',
    lockedByIt: 'Set by your school or IT',
    fromNotice: 'See updates',
    problems: {
      'feed-not-configured': 'This copy of Hearth has no update address, so it cannot look for new versions.',
      'feed-unreachable': 'Hearth could not reach the update server. It will try again later.',
      'feed-not-found': 'The update server has no versions for this computer yet.',
      'feed-invalid': 'The update server answered with something that is not a valid update. Nothing was installed.',
      'install-not-here': 'On this computer, new versions are installed by your school or IT, not by Hearth.',
      'download-failed': 'The new version did not download correctly, so it was not installed. Try again later.',
    },
  },
  credentials: {
    title: 'How sign-ins are kept',
    encrypted: 'The children’s sign-ins on this computer are encrypted with the system’s keyring ({{backend}}).',
    weak: 'This computer has no system keyring (basic_text): sign-ins are kept with a fixed key, which anyone who copies Hearth’s files could read.',
    plain:
      'This copy of Hearth does not encrypt sign-ins on this computer: anyone who can open Hearth’s data folder could read them. The installed Hearth app keeps them in the system’s keyring where there is one.',
    refused:
      'Your school or IT requires a system keyring, and this computer has none: Hearth will not keep sign-ins here until one is set up.',
  },
} as const;

export const updatesItEs: Spanish<typeof updatesItEn> = {
  updates: {
    title: 'Actualizaciones',
    ready: 'Hay una nueva versión lista',
    readyBody: 'Hearth {{version}} está lista (esta computadora tiene la {{current}}).',
    installNow: 'Instalar ahora',
    later: 'Más tarde',
    waiting: 'Hearth {{version}} espera a que decidas instalarla.',
    installing: 'Hearth se cerrará, instalará la nueva versión y se abrirá de nuevo.',
    itInstalls:
      'En esta computadora, tu escuela o el equipo de informática (o las actualizaciones del propio sistema) instalan las nuevas versiones; Hearth solo te avisa.',
    upToDate: 'Hearth {{current}} está al día.',
    checkNow: 'Buscar ahora',
    checking: 'Buscando una nueva versión…',
    notPackaged: 'Esta copia de Hearth no se instaló desde un paquete, así que no se actualiza aquí.',
    channel: 'Canal de actualizaciones: {{channel}}',
    channelStable: 'Estable',
    channelBeta: 'Beta (versiones anticipadas)',
    autoOn: 'Las nuevas versiones se instalan solas cuando Hearth se cierra.',
    autoOff: 'Una persona mayor decide cuándo instalar las nuevas versiones.',
    lockedByIt: 'Lo fijó tu escuela o el equipo de informática',
    fromNotice: 'Ver actualizaciones',
    problems: {
      'feed-not-configured':
        'Esta copia de Hearth no tiene dirección de actualizaciones, así que no puede buscar nuevas versiones.',
      'feed-unreachable': 'Hearth no pudo conectar con el servidor de actualizaciones. Lo intentará más tarde.',
      'feed-not-found': 'El servidor de actualizaciones todavía no tiene versiones para esta computadora.',
      'feed-invalid': 'El servidor de actualizaciones respondió algo que no es una actualización válida. No se instaló nada.',
      'install-not-here':
        'En esta computadora, las nuevas versiones las instala tu escuela o el equipo de informática, no Hearth.',
      'download-failed': 'La nueva versión no se descargó bien, así que no se instaló. Inténtalo más tarde.',
    },
  },
  credentials: {
    title: 'Cómo se guardan los accesos',
    encrypted: 'Los accesos de los niños en esta computadora están cifrados con el llavero del sistema ({{backend}}).',
    weak: 'Esta computadora no tiene llavero del sistema (basic_text): los accesos se guardan con una clave fija que cualquiera que copie los archivos de Hearth podría leer.',
    plain:
      'Esta copia de Hearth no cifra los accesos en esta computadora: quien pueda abrir la carpeta de datos de Hearth podría leerlos. La app de Hearth instalada los guarda en el llavero del sistema, donde lo hay.',
    refused:
      'Tu escuela o el equipo de informática exige un llavero del sistema y esta computadora no tiene: Hearth no guardará accesos aquí hasta que se configure uno.',
  },
};

/** KEYRING_REQUIRED (issue 17 §4), merged into `errors`. */
export const updatesItErrorsEn = {
  KEYRING_REQUIRED:
    'Your school or IT requires a system keyring to keep sign-ins on this computer, and it has none. Ask them to set one up.',
} as const;

export const updatesItErrorsEs: Spanish<typeof updatesItErrorsEn> = {
  KEYRING_REQUIRED:
    'Tu escuela o el equipo de informática exige un llavero del sistema para guardar accesos en esta computadora, y no tiene. Pídeles que configuren uno.',
};
