import type { WritableDB } from '@hearth/sqlite';

/** Reserved for another helper's migration of issue 15 (placeholder: the lead replaces it at merge). */
export function updateToSchemaVersion18(_db: WritableDB): void {}
