import type pg from 'pg';

/** Reserved for another change (retention); a no-op placeholder here, replaced at merge. */
export async function reserved13(_client: pg.ClientBase): Promise<void> {}
