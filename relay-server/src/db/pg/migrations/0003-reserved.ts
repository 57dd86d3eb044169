/**
 * PLACEHOLDER on branch f/computers only: PostgreSQL version 3 belongs to another branch of issue 14.
 * At merge this file is replaced by that branch's migration 3 (drop this one).
 */
export async function reservedPg3(): Promise<void> {}
