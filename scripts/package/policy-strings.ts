import type { PolicyKey } from '@hearth/common';

/** The ADML languages shipped in `build/policy/`. */
export const ADML_LANGUAGES = ['en-US', 'es-ES', 'es-MX'] as const;
export type AdmlLanguage = (typeof ADML_LANGUAGES)[number];

type Words = Readonly<{
  category: string;
  recommended: string;
  supported: string;
  stable: string;
  beta: string;
  settings: Readonly<Record<PolicyKey, Readonly<{ name: string; explain: string }>>>;
}>;

const en: Words = {
  category: 'Hearth',
  recommended: 'Hearth - Default settings (users can override)',
  supported: 'Hearth 0.4.0 or later',
  stable: 'Stable',
  beta: 'Beta',
  settings: {
    relayUrl: {
      name: 'Relay server address',
      explain:
        'The address of the Hearth relay this computer uses, such as https://relay.school.example. When set, the settings screens show "Set by your school or IT" and nobody can change it.',
    },
    relayOnlyCalls: {
      name: 'Send calls through the relay',
      explain: "Calls go through the relay's TURN server, so no computer address reaches the other family.",
    },
    effectsAllowed: {
      name: 'Allow camera effects',
      explain: 'When disabled, camera backgrounds and effects are hidden on this computer.',
    },
    gamesAllowed: { name: 'Allow games', explain: 'When disabled, games are hidden on this computer.' },
    parentModeAllowed: {
      name: 'Allow parent mode on this computer',
      explain: "When disabled, grown-ups cannot open the grown-ups' pane on this computer.",
    },
    languages: {
      name: 'Languages offered',
      explain: 'The languages the language pickers offer, one per line: en, es.',
    },
    maxChildProfiles: {
      name: 'Maximum child profiles',
      explain: 'The most child profiles this computer holds (1 to 16). Adding another is refused.',
    },
    quietHoursFloor: {
      name: 'Quiet hours on this computer',
      explain:
        "A daily quiet time, HH:MM-HH:MM in the child's time zone (for example 21:00-07:00). The computer sends it to the relay, which applies it to this computer's children like any schedule; the computer's clock never decides.",
    },
    updateChannel: { name: 'Update channel', explain: 'Which updates this computer is offered: stable or beta.' },
    autoInstallUpdates: {
      name: 'Install updates automatically',
      explain: 'When disabled, updates are only announced; IT or a grown-up installs them.',
    },
    dataFolder: {
      name: 'Data folder',
      explain:
        'The absolute folder where Hearth keeps its data on this computer. Environment variables such as %ProgramData% are expanded.',
    },
    requireKeyring: {
      name: 'Require an OS keyring',
      explain: 'When enabled, Hearth refuses to keep credentials where the operating system offers no encrypted keyring.',
    },
  },
};

const es: Words = {
  category: 'Hearth',
  recommended: 'Hearth - Valores predeterminados (los usuarios pueden cambiarlos)',
  supported: 'Hearth 0.4.0 o posterior',
  stable: 'Estable',
  beta: 'Beta',
  settings: {
    relayUrl: {
      name: 'Dirección del servidor relay',
      explain:
        'La dirección del relay de Hearth que usa este equipo, por ejemplo https://relay.school.example. Si se define, las pantallas de ajustes muestran "Definido por tu escuela o TI" y nadie puede cambiarla.',
    },
    relayOnlyCalls: {
      name: 'Enviar las llamadas por el relay',
      explain: 'Las llamadas pasan por el servidor TURN del relay, así ninguna dirección del equipo llega a la otra familia.',
    },
    effectsAllowed: {
      name: 'Permitir efectos de cámara',
      explain: 'Si se desactiva, los fondos y efectos de cámara se ocultan en este equipo.',
    },
    gamesAllowed: { name: 'Permitir juegos', explain: 'Si se desactiva, los juegos se ocultan en este equipo.' },
    parentModeAllowed: {
      name: 'Permitir el modo de personas mayores en este equipo',
      explain: 'Si se desactiva, las personas mayores no pueden abrir su panel en este equipo.',
    },
    languages: {
      name: 'Idiomas ofrecidos',
      explain: 'Los idiomas que ofrecen los selectores de idioma, uno por línea: en, es.',
    },
    maxChildProfiles: {
      name: 'Máximo de perfiles infantiles',
      explain: 'La cantidad máxima de perfiles infantiles en este equipo (de 1 a 16). Se rechaza añadir otro.',
    },
    quietHoursFloor: {
      name: 'Horas de silencio en este equipo',
      explain:
        'Un tiempo de silencio diario, HH:MM-HH:MM en la zona horaria del niño o la niña (por ejemplo 21:00-07:00). El equipo lo envía al relay, que lo aplica a los niños de este equipo como cualquier horario; el reloj del equipo nunca decide.',
    },
    updateChannel: { name: 'Canal de actualizaciones', explain: 'Qué actualizaciones se ofrecen a este equipo: stable o beta.' },
    autoInstallUpdates: {
      name: 'Instalar actualizaciones automáticamente',
      explain: 'Si se desactiva, las actualizaciones solo se anuncian; TI o una persona mayor las instala.',
    },
    dataFolder: {
      name: 'Carpeta de datos',
      explain: 'La carpeta absoluta donde Hearth guarda sus datos en este equipo. Se expanden variables como %ProgramData%.',
    },
    requireKeyring: {
      name: 'Exigir un llavero del sistema',
      explain: 'Si se activa, Hearth se niega a guardar credenciales donde el sistema no ofrece un llavero cifrado.',
    },
  },
};

export const POLICY_WORDS: Readonly<Record<AdmlLanguage, Words>> = { 'en-US': en, 'es-ES': es, 'es-MX': es };
