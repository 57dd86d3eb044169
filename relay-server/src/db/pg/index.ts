export { DEFAULT_STATEMENT_TIMEOUT_MS, PG_APPLICATION_NAME, openPgPool } from './pool';
export type { PgPoolOptions } from './pool';
export { PG_MIGRATION_LOCK_KEY, migratePg } from './migrate';
export type { PgMigration } from './migrate';
export { RELAY_PG_MIGRATIONS } from './migrations/index';
