import { Type, type Static } from 'typebox';
import { closed } from './primitives';

/**
 * The daily summary's opt-in (issue 14, F10): a counts-only summary a child's PCs send to the
 * child's guardians once a day. Off by default; kept on the relay, changed by a guardian only.
 */
export const DailySummarySetting = Type.Object({ enabled: Type.Boolean() }, closed);
export type DailySummarySetting = Static<typeof DailySummarySetting>;
