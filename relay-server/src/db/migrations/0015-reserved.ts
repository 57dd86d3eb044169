import type { WritableDB } from '@hearth/sqlite';

/** A number kept for a migration made in parallel (removed at merge). */
export function updateToSchemaVersion15(_db: WritableDB): void {
  // Nothing: a placeholder.
}
