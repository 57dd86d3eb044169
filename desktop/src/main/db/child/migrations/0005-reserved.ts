import type { WritableDB } from '@hearth/sqlite';

/** Reserved for the `report-child` work (issue 15); a no-op placeholder here, replaced at merge. */
export function updateToSchemaVersion5(_db: WritableDB): void {}
