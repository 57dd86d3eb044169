/**
 * A PostgreSQL or Redis address as a message may show it: host, port and database, never the
 * user or password (`db.internal:5432/hearth`).
 */
export function describeAddress(raw: string): string {
  try {
    const url = new URL(raw);
    const host = url.hostname || url.searchParams.get('host') || 'localhost';
    return `${host}${url.port ? `:${url.port}` : ''}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return '(an address that is not a URL)';
  }
}
