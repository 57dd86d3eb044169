import type { WritableDB } from '@hearth/sqlite';

/**
 * MERGE NOTE (issue 14): versions 11 and 12 belong to other parts of issue 14 built in parallel
 * (quiet hours, computers); this branch holds their places with no-ops so the runner's 1, 2, 3…
 * numbering holds here. At merge, drop this file and its two rows in index.ts for the real ones.
 */
export function reservedSchemaVersion(_db: WritableDB): void {}
