import type { Store } from '../store/port';

/** What a queued piece of work came to, reported after its batch committed (or failed). */
export type WorkResult<T> = Readonly<{ ok: true; value: T }> | Readonly<{ ok: false; error: unknown }>;

/**
 * A piece of work for a batch: it gets the batch's transaction (a savepoint of it) and, on
 * SQLite, must await nothing but that store's calls, so that a whole batch runs without the
 * event loop turning (see {@link Store}).
 */
export type Work<T> = (tx: Store) => Promise<T>;

export type GroupCommitter = Readonly<{
  /**
   * Queues `work` to run inside the next batch transaction (in its own savepoint, so one failing
   * piece rolls back only itself). `done` runs after the batch is durably committed.
   */
  enqueue<T>(work: Work<T>, done: (result: WorkResult<T>) => void): void;
  /** Runs every queued piece now (and waits for a batch under way); used at shutdown. */
  flush(): Promise<void>;
  /** Flushes, then refuses new work. */
  close(): Promise<void>;
  /** Transactions committed and pieces of work they carried, since start. */
  stats(): Readonly<{ commits: number; pieces: number }>;
}>;

export type GroupCommitOptions = Readonly<{
  /** Extra wait before a batch commits, to gather more; 0 commits on the next turn of the event loop. */
  delayMs: number;
  /** Most pieces of work in one transaction. Default 5000. */
  maxBatch?: number;
  /**
   * Batches committed at once, each in its own transaction. Default 1 (SQLite has one writer).
   * On PostgreSQL each piece costs round trips, not CPU: several lanes keep its connections busy.
   */
  lanes?: number;
  /** Called when a `done` callback throws: never swallowed, never allowed to stop the other callbacks. */
  onCallbackError: (err: unknown) => void;
  /**
   * Runs after each batch's `done` callbacks, before the next batch starts: the hub writes out the
   * frames they queued, so the friends' apps take them while the next batch runs (otherwise they
   * would wait for the end of the event-loop turn, behind every batch queued in it).
   */
  afterBatch?: () => void;
}>;

type Pending = { work: Work<unknown>; done: (result: WorkResult<unknown>) => void };

/**
 * Group commit: SQLite with synchronous=FULL pays one fsync per transaction, so the work that
 * arrives while the event loop is busy (often hundreds of sends and acks) shares one transaction
 * and one fsync, and each sender is answered only after that commit. On PostgreSQL the same
 * batching saves a round trip and a WAL flush per piece; one batch runs at a time, and what
 * arrives meanwhile forms the next.
 */
export function createGroupCommitter(store: Store, options: GroupCommitOptions): GroupCommitter {
  const maxBatch = options.maxBatch ?? 5000;
  let queue: Pending[] = [];
  let scheduled: NodeJS.Immediate | NodeJS.Timeout | undefined;
  let closed = false;
  let commits = 0;
  let pieces = 0;

  /**
   * After a batch in which a piece failed, the next one runs each piece in its own savepoint at
   * once (a client sending refused frames on purpose costs no second run per batch).
   */
  let careful = false;

  /** Every piece in its own savepoint: one that throws undoes only itself. */
  async function runIsolated(tx: Store, batch: Pending[], results: WorkResult<unknown>[]): Promise<boolean> {
    let failed = false;
    for (let i = 0; i < batch.length; i++) {
      try {
        // A nested transaction is a savepoint: a piece that throws undoes only itself.
        results[i] = { ok: true, value: await tx.transaction((batch[i] as Pending).work) };
      } catch (error) {
        results[i] = { ok: false, error };
        failed = true;
      }
    }
    return failed;
  }

  /**
   * Optimistic first: the pieces run straight in the batch transaction, without a savepoint each
   * (a savepoint copies every page a piece touches into SQLite's statement journal, a fifth of a
   * message's cost). Should one throw, the whole transaction rolls back and the batch runs again
   * with a savepoint per piece, so the outcome is the same as if it had had them all along (each
   * piece's work is store calls only, and nothing of it is told before the commit).
   */
  async function runBatch(batch: Pending[]): Promise<void> {
    const results: WorkResult<unknown>[] = new Array(batch.length);
    const failedPiece = new Error('a piece of the batch failed');
    try {
      let done = false;
      if (!careful) {
        try {
          await store.transaction(async (tx) => {
            for (let i = 0; i < batch.length; i++) {
              try {
                results[i] = { ok: true, value: await (batch[i] as Pending).work(tx) };
              } catch {
                throw failedPiece;
              }
            }
          });
          done = true;
        } catch (err) {
          if (err !== failedPiece) throw err;
        }
      }
      if (!done) {
        let failed = false;
        await store.transaction(async (tx) => {
          failed = await runIsolated(tx, batch, results);
        });
        careful = failed;
      }
      commits++;
      pieces += batch.length;
    } catch (error) {
      // The commit itself failed (disk full, I/O error, connection lost): nothing in the batch is durable.
      results.fill({ ok: false, error });
    }
    for (let i = 0; i < batch.length; i++) {
      try {
        (batch[i] as Pending).done(results[i] as WorkResult<unknown>);
      } catch (err) {
        options.onCallbackError(err);
      }
    }
    try {
      options.afterBatch?.();
    } catch (err) {
      options.onCallbackError(err);
    }
  }

  const lanes = Math.max(1, options.lanes ?? 1);
  const inFlight = new Set<Promise<void>>();

  /** Starts batches while there is work and a free lane; what arrives during a batch forms the next one. */
  function start(): void {
    if (scheduled !== undefined) {
      if (options.delayMs > 0) clearTimeout(scheduled as NodeJS.Timeout);
      else clearImmediate(scheduled as NodeJS.Immediate);
      scheduled = undefined;
    }
    while (queue.length > 0 && inFlight.size < lanes) {
      // Spread what waits over the free lanes.
      const size = Math.min(maxBatch, Math.ceil(queue.length / (lanes - inFlight.size)));
      const batch = queue.length <= size ? queue : queue.slice(0, size);
      queue = queue.length <= size ? [] : queue.slice(size);
      const lane: Promise<void> = runBatch(batch).finally(() => {
        inFlight.delete(lane);
        start();
      });
      inFlight.add(lane);
    }
  }

  async function flush(): Promise<void> {
    // A batch under way may leave work queued behind it: run until nothing is left.
    start();
    while (inFlight.size > 0) {
      await Promise.all([...inFlight]);
      start();
    }
  }

  function schedule(): void {
    if (scheduled !== undefined || inFlight.size >= lanes) return;
    const run = (): void => start();
    scheduled = options.delayMs > 0 ? setTimeout(run, options.delayMs) : setImmediate(run);
  }

  return {
    enqueue(work, done) {
      if (closed) {
        done({ ok: false, error: new Error('the message queue is closed') });
        return;
      }
      queue.push({ work: work as Work<unknown>, done: done as Pending['done'] });
      schedule();
    },
    flush,
    async close() {
      await flush();
      closed = true;
    },
    stats: () => ({ commits, pieces }),
  };
}
