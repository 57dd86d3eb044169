/**
 * A port not yet on PostgreSQL: every function rejects with a sentence naming it. Only while
 * issue 13's helpers write the adapters; nothing may still use it when the issue lands (the
 * conformance suite fails on it).
 */
export function notYetOnPostgres<M>(port: string): M {
  return new Proxy(
    {},
    {
      get: (_target, fn) =>
        typeof fn === 'string' ? () => Promise.reject(new Error(`${port}.${fn} is not on PostgreSQL yet`)) : undefined,
      ownKeys: () => [],
    },
  ) as M;
}
