import type { WritableDB } from '@hearth/sqlite';

/** Reserved for the reports migration (issue 15) being built beside this one; the lead drops this placeholder at merge. */
export function updateToSchemaVersion18(_db: WritableDB): void {}
