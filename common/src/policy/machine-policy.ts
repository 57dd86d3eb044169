import { Type, type Static, type TSchema } from 'typebox';
import { UI_LANGUAGES, type UiLanguage } from '../ipc/models-app';
import type { TimeWindow } from '../schemas/quiet';

/**
 * The machine policy IT sets (issue 17, F17): the same twelve settings in three forms, a Windows
 * registry value under `Software\Policies\Hearth`, a macOS managed-preferences key
 * (`org.hearth.app`) and a key of a Linux JSON file under `/etc/hearth/policies/`. Each setting's
 * schema here checks the value as IT writes it (the JSON form; the readers bring the registry's
 * and the plist's types to it first).
 */

const HH_MM = '([01][0-9]|2[0-3]):[0-5][0-9]';

/** `https://relay.school.example` (an origin; a path is ignored). */
export const PolicyRelayUrl = Type.String({ minLength: 8, maxLength: 2048, pattern: '^https?://[^\\s/?#]+' });
/** Languages the pickers offer, at least one. */
export const PolicyLanguages = Type.Array(Type.Enum(UI_LANGUAGES), { minItems: 1, maxItems: 8, uniqueItems: true });
/** Most child profiles on this PC. */
export const PolicyMaxChildProfiles = Type.Integer({ minimum: 1, maximum: 16 });
/** A daily window, `HH:MM-HH:MM` in the child's zone, always quiet on this PC (`21:00-07:00`). */
export const PolicyQuietHoursFloor = Type.String({ pattern: `^${HH_MM}-${HH_MM}$`, description: 'HH:MM-HH:MM' });
export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];
export const PolicyUpdateChannel = Type.Enum(UPDATE_CHANNELS);
/** An absolute folder: `/srv/hearth`, `D:\Hearth` or `\\server\share\hearth`. */
export const PolicyDataFolder = Type.String({
  minLength: 2,
  maxLength: 1024,
  pattern: '^(/|[A-Za-z]:[\\\\/]|\\\\\\\\)',
});

/** How a setting is kept in the registry (what the ADMX writes). */
export type RegistryKind = 'REG_SZ' | 'REG_DWORD' | 'REG_MULTI_SZ';

type Definition = Readonly<{
  schema: TSchema;
  /** The registry value's name. */
  registry: string;
  registryKind: RegistryKind;
  /** Only HKLM and the machine's files may set it (ADMX class Machine). */
  machineOnly: boolean;
  /** What IT reads in the README and the ADML. */
  summary: string;
}>;

/** Every setting, in the order the README, the ADMX and "About this computer" show them. */
export const POLICY_DEFINITIONS = {
  relayUrl: {
    schema: PolicyRelayUrl,
    registry: 'RelayUrl',
    registryKind: 'REG_SZ',
    machineOnly: true,
    summary: 'The relay this PC uses (its origin)',
  },
  relayOnlyCalls: {
    schema: Type.Boolean(),
    registry: 'RelayOnlyCalls',
    registryKind: 'REG_DWORD',
    machineOnly: false,
    summary: 'Calls go through the relay (no computer address reaches the other family)',
  },
  effectsAllowed: {
    schema: Type.Boolean(),
    registry: 'EffectsAllowed',
    registryKind: 'REG_DWORD',
    machineOnly: false,
    summary: 'Camera effects (backgrounds) are offered',
  },
  gamesAllowed: {
    schema: Type.Boolean(),
    registry: 'GamesAllowed',
    registryKind: 'REG_DWORD',
    machineOnly: false,
    summary: 'Games are shown on this PC',
  },
  parentModeAllowed: {
    schema: Type.Boolean(),
    registry: 'ParentModeAllowed',
    registryKind: 'REG_DWORD',
    machineOnly: true,
    summary: 'Grown-ups may use parent mode (the grown-ups pane) on this PC',
  },
  languages: {
    schema: PolicyLanguages,
    registry: 'Languages',
    registryKind: 'REG_MULTI_SZ',
    machineOnly: false,
    summary: 'Languages the language pickers offer (en, es)',
  },
  maxChildProfiles: {
    schema: PolicyMaxChildProfiles,
    registry: 'MaxChildProfiles',
    registryKind: 'REG_DWORD',
    machineOnly: true,
    summary: 'Most child profiles on this PC (1–16)',
  },
  quietHoursFloor: {
    schema: PolicyQuietHoursFloor,
    registry: 'QuietHoursFloor',
    registryKind: 'REG_SZ',
    machineOnly: true,
    summary: 'Daily quiet hours on this PC, HH:MM-HH:MM; the relay applies them',
  },
  updateChannel: {
    schema: PolicyUpdateChannel,
    registry: 'UpdateChannel',
    registryKind: 'REG_SZ',
    machineOnly: true,
    summary: 'Update channel: stable or beta',
  },
  autoInstallUpdates: {
    schema: Type.Boolean(),
    registry: 'AutoInstallUpdates',
    registryKind: 'REG_DWORD',
    machineOnly: true,
    summary: 'Updates install by themselves (off: IT or a grown-up installs them)',
  },
  dataFolder: {
    schema: PolicyDataFolder,
    registry: 'DataFolder',
    registryKind: 'REG_SZ',
    machineOnly: true,
    summary: "Folder for Hearth's data (absolute)",
  },
  requireKeyring: {
    schema: Type.Boolean(),
    registry: 'RequireKeyring',
    registryKind: 'REG_DWORD',
    machineOnly: true,
    summary: 'Refuse to keep credentials without an OS keyring',
  },
} as const satisfies Record<string, Definition>;

export type PolicyKey = keyof typeof POLICY_DEFINITIONS;
export const POLICY_KEYS = Object.keys(POLICY_DEFINITIONS) as PolicyKey[];

/** The settings' values once resolved (null: not set anywhere, the app decides). */
export type MachinePolicyValues = Readonly<{
  relayUrl: string | null;
  relayOnlyCalls: boolean;
  effectsAllowed: boolean;
  gamesAllowed: boolean;
  parentModeAllowed: boolean;
  languages: readonly UiLanguage[];
  maxChildProfiles: number | null;
  quietHoursFloor: TimeWindow | null;
  updateChannel: UpdateChannel;
  autoInstallUpdates: boolean;
  dataFolder: string | null;
  requireKeyring: boolean;
}>;

/** What applies where no source sets a value. */
export const POLICY_DEFAULTS: MachinePolicyValues = Object.freeze({
  relayUrl: null,
  relayOnlyCalls: true,
  effectsAllowed: true,
  gamesAllowed: true,
  parentModeAllowed: true,
  languages: UI_LANGUAGES,
  maxChildProfiles: null,
  quietHoursFloor: null,
  updateChannel: 'stable',
  autoInstallUpdates: true,
  dataFolder: null,
  requireKeyring: false,
});

/**
 * One Linux policy file (`/etc/hearth/policies/{managed,recommended}/*.json`): any of the settings
 * in their JSON form. `build/policy/hearth-policy.schema.json` is this, generated (a test keeps
 * them equal). The app itself reads tolerantly: an unknown key or a bad value is reported and
 * skipped, the rest applies.
 */
export const MachinePolicyFile = Type.Object(
  Object.fromEntries(POLICY_KEYS.map((k) => [k, Type.Optional(POLICY_DEFINITIONS[k].schema)])) as {
    [K in PolicyKey]: ReturnType<typeof Type.Optional<(typeof POLICY_DEFINITIONS)[K]['schema']>>;
  },
  {
    $id: 'https://hearth.invalid/schemas/hearth-policy.schema.json',
    title: 'Hearth machine policy (one file under /etc/hearth/policies/managed or recommended)',
    additionalProperties: false,
  },
);
export type MachinePolicyFile = Static<typeof MachinePolicyFile>;

/** The JSON schema of a Linux policy file, as written to `build/policy/hearth-policy.schema.json`. */
export function machinePolicyJsonSchema(): string {
  return `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...MachinePolicyFile }, null, 2)}\n`;
}
