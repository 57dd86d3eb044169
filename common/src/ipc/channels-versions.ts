import { Type, type Static } from 'typebox';
import { closed } from '../schemas/primitives';
import { NoArgs } from './models-app';
import type { ChannelSpec } from './channels';

/** Where this app stands with its relay's versions, as the UI shows it. */
export const VersionStatus = Type.Object(
  {
    appVersion: Type.String(),
    /**
     * The relay refused this app as too old (APP_TOO_OLD): the grown-ups see "Hearth needs an
     * update", the children kid words. Cleared when the relay serves this app again.
     */
    updateNeeded: Type.Boolean(),
    /** The oldest app version the relay serves, as it last said; null until it said. */
    minAppVersion: Type.Union([Type.String(), Type.Null()]),
    /** The relay's API version (1 for a relay that does not say one); null until asked. */
    relayApiVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    /** Message kinds the relay accepts: the app offers only those. Null until asked. */
    relayMessageKinds: Type.Union([Type.Array(Type.String()), Type.Null()]),
  },
  closed,
);
export type VersionStatus = Static<typeof VersionStatus>;

/** Versions between this app and its relay. */
export const VERSION_CHANNELS = {
  getVersionStatus: {
    access: 'open',
    args: NoArgs,
    result: VersionStatus,
    summary: 'Whether Hearth needs an update, and what its relay offers',
  },
} as const satisfies Record<string, ChannelSpec>;
export type VersionChannelName = keyof typeof VERSION_CHANNELS;
