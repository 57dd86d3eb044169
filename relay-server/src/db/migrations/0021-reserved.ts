import type { WritableDB } from '@hearth/sqlite';

/** Reserved for another change (retention); a no-op placeholder here, replaced at merge. */
export function updateToSchemaVersion21(_db: WritableDB): void {}
