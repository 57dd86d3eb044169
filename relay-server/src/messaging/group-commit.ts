import type { WritableDB } from '@hearth/sqlite';

/** What a queued piece of work came to, reported after its batch committed (or failed). */
export type WorkResult<T> = Readonly<{ ok: true; value: T }> | Readonly<{ ok: false; error: unknown }>;

export type GroupCommitter = Readonly<{
  /**
   * Queues `work` to run inside the next batch transaction (in its own savepoint, so one failing
   * piece rolls back only itself). `done` runs after the batch is durably committed.
   */
  enqueue<T>(work: () => T, done: (result: WorkResult<T>) => void): void;
  /** Runs every queued piece now; used at shutdown. */
  flush(): void;
  /** Flushes, then refuses new work. */
  close(): void;
  /** Transactions committed and pieces of work they carried, since start. */
  stats(): Readonly<{ commits: number; pieces: number }>;
}>;

export type GroupCommitOptions = Readonly<{
  /** Extra wait before a batch commits, to gather more; 0 commits on the next turn of the event loop. */
  delayMs: number;
  /** Most pieces of work in one transaction. Default 5000. */
  maxBatch?: number;
  /** Called when a `done` callback throws: never swallowed, never allowed to stop the other callbacks. */
  onCallbackError: (err: unknown) => void;
}>;

type Pending = { work: () => unknown; done: (result: WorkResult<unknown>) => void };

/**
 * Group commit: SQLite with synchronous=FULL pays one fsync per transaction, so the work that
 * arrives while the event loop is busy (often hundreds of sends and acks) shares one transaction
 * and one fsync, and each sender is answered only after that commit.
 */
export function createGroupCommitter(db: WritableDB, options: GroupCommitOptions): GroupCommitter {
  const maxBatch = options.maxBatch ?? 5000;
  let queue: Pending[] = [];
  let scheduled: NodeJS.Immediate | NodeJS.Timeout | undefined;
  let closed = false;
  let commits = 0;
  let pieces = 0;

  function runBatch(batch: Pending[]): void {
    const results: WorkResult<unknown>[] = new Array(batch.length);
    try {
      db.transaction(() => {
        for (let i = 0; i < batch.length; i++) {
          try {
            // A nested better-sqlite3 transaction is a savepoint.
            results[i] = { ok: true, value: db.transaction((batch[i] as Pending).work)() };
          } catch (error) {
            results[i] = { ok: false, error };
          }
        }
      })();
      commits++;
      pieces += batch.length;
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing in the batch is durable.
      results.fill({ ok: false, error });
    }
    for (let i = 0; i < batch.length; i++) {
      try {
        (batch[i] as Pending).done(results[i] as WorkResult<unknown>);
      } catch (err) {
        options.onCallbackError(err);
      }
    }
  }

  function flush(): void {
    if (scheduled !== undefined) {
      if (options.delayMs > 0) clearTimeout(scheduled as NodeJS.Timeout);
      else clearImmediate(scheduled as NodeJS.Immediate);
      scheduled = undefined;
    }
    while (queue.length > 0) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      runBatch(batch);
    }
  }

  return {
    enqueue(work, done) {
      if (closed) {
        done({ ok: false, error: new Error('the message queue is closed') });
        return;
      }
      queue.push({ work, done: done as Pending['done'] });
      if (scheduled === undefined) {
        scheduled = options.delayMs > 0 ? setTimeout(flush, options.delayMs) : setImmediate(flush);
      }
    },
    flush,
    close() {
      flush();
      closed = true;
    },
    stats: () => ({ commits, pieces }),
  };
}
