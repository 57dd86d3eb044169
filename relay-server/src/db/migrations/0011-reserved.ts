/**
 * PLACEHOLDER on branch f/computers only: schema version 11 belongs to another branch of issue 14.
 * At merge this file is replaced by that branch's 0011 migration (drop this one).
 */
export function updateToSchemaVersion11(): void {}
