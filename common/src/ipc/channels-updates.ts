import { Type, type Static } from 'typebox';
import { closed, Timestamp } from '../schemas/primitives';
import { NoArgs } from './models-app';
import type { ChannelSpec } from './channels';
// The update channels a machine can follow: the policy's `updateChannel` (issue 17 §2).
import { UPDATE_CHANNELS } from '../policy/machine-policy';

/** How Hearth was installed on this machine: it decides who installs updates (README, "Updates"). */
export const INSTALL_TYPES = ['nsis', 'msi', 'dmg', 'pkg', 'deb', 'rpm', 'appimage', 'unpackaged'] as const;
export type InstallType = (typeof INSTALL_TYPES)[number];

/**
 * Why a check or an install did not go through, as a stable code the pane words:
 * - `feed-not-configured`: this build has no update feed (a development run, or packaged without one);
 * - `feed-unreachable`: the feed's server did not answer (network, timeout, 5xx);
 * - `feed-not-found`: the server has no channel file for this platform and channel;
 * - `feed-invalid`: the channel file is not a valid feed (YAML, fields, version);
 * - `install-not-here`: on this install IT or the system's repository installs updates, not Hearth;
 * - `download-failed`: the download or its check failed (the old version keeps running).
 */
export const UPDATE_PROBLEMS = [
  'feed-not-configured',
  'feed-unreachable',
  'feed-not-found',
  'feed-invalid',
  'install-not-here',
  'download-failed',
] as const;
export type UpdateProblem = (typeof UPDATE_PROBLEMS)[number];

// Typed as the union of the values (a mapped Union alone is typed loosely).
const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));

/** Where updates stand on this machine, as the grown-ups' pane shows it. */
export const UpdateStatus = Type.Object(
  {
    currentVersion: Type.String(),
    channel: literals(UPDATE_CHANNELS),
    /** The channel is set by the school or IT (machine policy): the pane cannot change it. */
    channelLocked: Type.Boolean(),
    /** Updates download and install by themselves (when the app quits); off: a grown-up chooses when. */
    autoInstall: Type.Boolean(),
    autoInstallLocked: Type.Boolean(),
    installType: literals(INSTALL_TYPES),
    /** `app`: Hearth downloads and installs; `it`: IT or the system's repository does, Hearth only tells. */
    installedBy: literals(['app', 'it', 'nobody'] as const),
    state: literals(['idle', 'checking', 'up-to-date', 'available', 'downloading', 'ready', 'error'] as const),
    /** The newer version the feed offers, once a check found one. */
    available: Type.Union([
      Type.Object({ version: Type.String(), releaseDate: Type.Union([Type.String(), Type.Null()]) }, closed),
      Type.Null(),
    ]),
    /** A grown-up chose "Later" for this version: the pane's banner waits for a newer one. */
    postponed: Type.Boolean(),
    problem: Type.Union([literals(UPDATE_PROBLEMS), Type.Null()]),
    checkedAt: Type.Union([Timestamp, Type.Null()]),
  },
  closed,
);
export type UpdateStatus = Static<typeof UpdateStatus>;

/**
 * How this computer keeps device credentials and a kept parent session (issue 17 §4), for "About
 * this computer": `encrypted` by the OS keyring; `weak`: Linux's basic_text (a fixed key, no keyring);
 * `plain`: no encryption on this host (the web host). `refused`: policy requires a keyring it lacks.
 */
export const CredentialProtection = Type.Object(
  {
    protection: literals(['encrypted', 'weak', 'plain'] as const),
    backend: Type.String({ maxLength: 64 }),
    refused: Type.Boolean(),
  },
  closed,
);
export type CredentialProtection = Static<typeof CredentialProtection>;

/** Updates (issue 17 §3) and credential protection (§4): grown-ups only. */
export const UPDATE_CHANNELS_IPC = {
  getUpdateStatus: {
    access: 'parent',
    args: NoArgs,
    result: UpdateStatus,
    summary: 'Where updates stand: the version found, the channel and who installs (policy may lock them)',
  },
  checkForUpdates: {
    access: 'parent',
    args: NoArgs,
    result: UpdateStatus,
    summary: "Read the update feed now for this machine's channel",
  },
  installUpdateNow: {
    access: 'parent',
    args: NoArgs,
    result: UpdateStatus,
    summary: 'Download (if needed) and install the new version now: Hearth restarts',
  },
  postponeUpdate: {
    access: 'parent',
    args: NoArgs,
    result: UpdateStatus,
    summary: '"Later": keep this version for now; the pane asks again for a newer one',
  },
  getCredentialProtection: {
    access: 'parent',
    args: NoArgs,
    result: CredentialProtection,
    summary: 'How this computer keeps its sign-ins: the system keyring, basic_text without one, or not encrypted',
  },
} as const satisfies Record<string, ChannelSpec>;
export type UpdateChannelName = keyof typeof UPDATE_CHANNELS_IPC;
