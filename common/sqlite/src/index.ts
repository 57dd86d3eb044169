export { DEFAULT_SLOW_QUERY_MS, eraseWal, openDatabase } from './database';
export type { OpenOptions, ReadableDB, SlowQueryLogger, WritableDB } from './database';
export { DatabaseError, DatabaseFromTheFutureError } from './errors';
export type { DatabaseErrorReason } from './errors';
export { migrate } from './migrate';
export type { Migration } from './migrate';
export { prepared } from './prepared';
