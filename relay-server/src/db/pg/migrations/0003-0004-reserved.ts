import type pg from 'pg';

/**
 * MERGE NOTE (issue 14): PostgreSQL versions 3 and 4 belong to other parts of issue 14 built in
 * parallel; no-ops hold their places on this branch. At merge, drop this file and its rows.
 */
export async function reservedPgVersion(_client: pg.ClientBase): Promise<void> {}
