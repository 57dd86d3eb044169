import { Type, type Static } from 'typebox';
import { ErrorCodeSchema, closed } from '../schemas/primitives';
import { Done } from './models-app';
import type { ChannelSpec } from './channels';

/** The part of the renderer a problem came from. */
export const ProblemArea = Type.Union([
  Type.Literal('app'),
  Type.Literal('profiles'),
  Type.Literal('grown-ups'),
  Type.Literal('friends'),
  Type.Literal('chat'),
  Type.Literal('calls'),
  Type.Literal('backgrounds'),
  Type.Literal('effects'),
]);
export type ProblemArea = Static<typeof ProblemArea>;

/**
 * What went wrong, as a code the renderer's own source spells (`calls.could-not-answer`), never
 * text a person typed or a name: lower case letters, digits, dots and dashes only.
 */
export const ProblemCode = Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{0,63}$' });

/**
 * One problem the renderer ran into. The schema is the privacy rule: a code, an area, the Hearth
 * error code of a failed result and how many times it happened; nothing else can be sent.
 */
export const ProblemReport = Type.Object(
  {
    area: ProblemArea,
    code: ProblemCode,
    error: Type.Optional(ErrorCodeSchema),
    count: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  closed,
);
export type ProblemReport = Static<typeof ProblemReport>;

/** The renderer's log: it has no file of its own, so it tells main, which logs codes (rate-capped). */
export const PROBLEM_CHANNELS = {
  reportProblem: {
    access: 'open',
    args: ProblemReport,
    result: Done,
    summary: 'Log a problem the renderer ran into (codes only; main caps how many it logs)',
  },
} as const satisfies Record<string, ChannelSpec>;

/** The name of a problems channel. */
export type ProblemChannelName = keyof typeof PROBLEM_CHANNELS;
