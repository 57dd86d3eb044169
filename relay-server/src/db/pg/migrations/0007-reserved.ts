import type pg from 'pg';

/** A number kept for a migration made in parallel (removed at merge). */
export async function reserved7(_client: pg.ClientBase): Promise<void> {
  // Nothing: a placeholder.
}
