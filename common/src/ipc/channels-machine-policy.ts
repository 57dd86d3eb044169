import { Type, type Static, type TSchema } from 'typebox';
import { closed } from '../schemas/primitives';
import { TimeWindow } from '../schemas/quiet';
import { PolicyLanguages, PolicyUpdateChannel } from '../policy/machine-policy';
import { NoArgs } from './models-app';
import type { ChannelSpec } from './channels';

const PolicySource = Type.Union([Type.Literal('managed'), Type.Literal('recommended'), Type.Literal('default')]);
const setting = <T extends TSchema>(value: T) =>
  Type.Object(
    {
      value,
      source: PolicySource,
      /** Set by the school or IT: the family cannot change it. */
      locked: Type.Boolean(),
      /** The registry key or file it came from; null for a default. */
      origin: Type.Union([Type.String(), Type.Null()]),
    },
    closed,
  );
const OrNull = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** One thing the policy readers skipped, as "About this computer" lists it. */
export const PolicyProblemView = Type.Object(
  {
    code: Type.Union([
      Type.Literal('POLICY_UNKNOWN_KEY'),
      Type.Literal('POLICY_BAD_VALUE'),
      Type.Literal('POLICY_SOURCE_UNREADABLE'),
      Type.Literal('POLICY_MACHINE_ONLY'),
    ]),
    origin: Type.String(),
    key: OrNull(Type.String()),
    message: Type.String(),
  },
  closed,
);

/**
 * This PC's machine policy (issue 17) as main resolved it at start: each setting with its value
 * and source, what was skipped, and the relay the app talks to now.
 */
export const MachinePolicyView = Type.Object(
  {
    settings: Type.Object(
      {
        relayUrl: setting(OrNull(Type.String())),
        relayOnlyCalls: setting(Type.Boolean()),
        effectsAllowed: setting(Type.Boolean()),
        gamesAllowed: setting(Type.Boolean()),
        parentModeAllowed: setting(Type.Boolean()),
        languages: setting(PolicyLanguages),
        maxChildProfiles: setting(OrNull(Type.Integer({ minimum: 1 }))),
        quietHoursFloor: setting(OrNull(TimeWindow)),
        updateChannel: setting(PolicyUpdateChannel),
        autoInstallUpdates: setting(Type.Boolean()),
        dataFolder: setting(OrNull(Type.String())),
        requireKeyring: setting(Type.Boolean()),
      },
      closed,
    ),
    problems: Type.Array(PolicyProblemView),
    /** The relay this app talks to (the policy's when it sets one, else the app's configuration). */
    relayUrl: Type.String(),
  },
  closed,
);
export type MachinePolicyView = Static<typeof MachinePolicyView>;

/** The machine policy, readable by anyone at the PC (the children's screens hide what it hides). */
export const MACHINE_POLICY_CHANNELS = {
  getMachinePolicy: {
    access: 'open',
    args: NoArgs,
    result: MachinePolicyView,
    summary: "This computer's school or IT settings: each value with its source, and what was skipped",
  },
} as const satisfies Record<string, ChannelSpec>;
export type MachinePolicyChannelName = keyof typeof MACHINE_POLICY_CHANNELS;
