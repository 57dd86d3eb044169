import type pg from 'pg';

/** Reserved for another helper's migration of issue 15 (placeholder: the lead replaces it at merge). */
export async function reserved11(_client: pg.ClientBase): Promise<void> {}
