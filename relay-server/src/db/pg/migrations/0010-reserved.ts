import type pg from 'pg';

/** Reserved for the reports migration (issue 15) being built beside this one; the lead drops this placeholder at merge. */
export async function reserved10(_client: pg.ClientBase): Promise<void> {}
