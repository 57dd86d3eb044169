import { expect, it } from 'vitest';
import { describeStores } from '../store/conformance/harness';
import { message, seedFamily } from '../store/conformance/messaging-seed';
import { createGroupCommitter, type WorkResult } from './group-commit';

/** Group commit over the Store, on SQLite and PostgreSQL: one transaction per batch, a savepoint per piece where one fails. */
describeStores('group commit', (t) => {
  const committerOn = (errors: unknown[] = []) =>
    createGroupCommitter(t.store(), { delayMs: 0, onCallbackError: (err) => errors.push(err) });

  it('runs what arrives together in one transaction and answers each piece after the commit', async () => {
    await seedFamily(t, 2);
    const committer = committerOn();
    const answers: Promise<[string, WorkResult<unknown>, boolean]>[] = [];
    for (const id of ['m1', 'm2', 'm3']) {
      committer.enqueue(
        async (tx) => {
          await tx.messages.insertMessage(message(id, 'K1', 'K2'));
          if (id === 'm2') throw new Error('no room for m2');
          return id;
        },
        (result) => {
          // Asked outside the batch's transaction: on PostgreSQL another connection sees only what was committed.
          answers.push(
            t
              .store()
              .messages.findMessageId('m3')
              .then((found) => [id, result, found !== undefined]),
          );
        },
      );
    }
    await committer.flush();
    const answered = await Promise.all(answers);
    expect(answered.map(([id, result, committed]) => [id, result.ok, committed])).toEqual([
      ['m1', true, true],
      ['m2', false, true],
      ['m3', true, true],
    ]);
    expect(String((answered[1]?.[1] as { error: unknown }).error)).toContain('no room for m2');
    // The piece that threw rolled back only itself.
    expect(await t.store().messages.findMessageId('m1')).toBeDefined();
    expect(await t.store().messages.findMessageId('m2')).toBeUndefined();
    expect(await t.store().messages.findMessageId('m3')).toBeDefined();
    expect(committer.stats()).toEqual({ commits: 1, pieces: 3 });
  });

  it('runs afterBatch once per batch, after its callbacks and before the next batch, even when a callback throws', async () => {
    await seedFamily(t, 2);
    const errors: unknown[] = [];
    const events: string[] = [];
    const committer = createGroupCommitter(t.store(), {
      delayMs: 0,
      maxBatch: 2,
      onCallbackError: (err) => errors.push(err),
      afterBatch: () => events.push('after'),
    });
    for (const id of ['a', 'b', 'c']) {
      committer.enqueue(
        async (tx) => {
          events.push(`run ${id}`);
          await tx.messages.insertMessage(message(id, 'K1', 'K2'));
        },
        () => {
          events.push(`done ${id}`);
          if (id === 'a') throw new Error('a callback failed');
        },
      );
    }
    await committer.flush();
    expect(events).toEqual(['run a', 'run b', 'done a', 'done b', 'after', 'run c', 'done c', 'after']);
    expect(errors.map(String)).toEqual(['Error: a callback failed']);
  });

  it('runs a clean batch once without a savepoint per piece; a failure reruns it piece by piece, same outcome', async () => {
    await seedFamily(t, 2);
    const committer = committerOn();
    const runs = new Map<string, number>();
    const batch = (ids: readonly string[], failing?: string): Promise<boolean[]> =>
      Promise.all(
        ids.map(
          (id) =>
            new Promise<boolean>((resolve) =>
              committer.enqueue(
                async (tx) => {
                  runs.set(id, (runs.get(id) ?? 0) + 1);
                  await tx.messages.insertMessage(message(id, 'K1', 'K2'));
                  if (id === failing) throw new Error(`refused ${id}`);
                },
                (r) => resolve(r.ok),
              ),
            ),
        ),
      );
    expect(await batch(['o1', 'o2'])).toEqual([true, true]);
    expect(await batch(['o3', 'o4', 'o5'], 'o4')).toEqual([true, false, true]);
    // The batch after a failure goes piece by piece at once; a clean one turns back to optimistic.
    expect(await batch(['o6', 'o7'])).toEqual([true, true]);
    expect(await batch(['o8'])).toEqual([true]);
    expect(Object.fromEntries(runs)).toEqual({ o1: 1, o2: 1, o3: 2, o4: 2, o5: 1, o6: 1, o7: 1, o8: 1 });
    for (const id of ['o1', 'o2', 'o3', 'o5', 'o6', 'o7', 'o8']) {
      expect(await t.store().messages.findMessageId(id)).toMatchObject({ state: 'queued' });
    }
    expect(await t.store().messages.findMessageId('o4')).toBeUndefined();
    expect(committer.stats()).toEqual({ commits: 4, pieces: 8 });
  });

  it('keeps a callback that throws from stopping the others, and reports it', async () => {
    const errors: unknown[] = [];
    const committer = committerOn(errors);
    const done: number[] = [];
    committer.enqueue(
      async () => 1,
      () => {
        throw new Error('callback broke');
      },
    );
    committer.enqueue(
      async () => 2,
      (r) => r.ok && done.push(r.value),
    );
    await committer.flush();
    expect(done).toEqual([2]);
    expect(errors.map(String)).toEqual(['Error: callback broke']);
  });

  it('commits what is queued on close, then refuses new work', async () => {
    await seedFamily(t, 2);
    const committer = createGroupCommitter(t.store(), { delayMs: 60_000, onCallbackError: () => undefined });
    let first: WorkResult<unknown> | undefined;
    committer.enqueue(
      (tx) => tx.messages.insertMessage(message('late', 'K1', 'K2')),
      (r) => (first = r),
    );
    await committer.close();
    expect(first?.ok).toBe(true);
    expect(await t.store().messages.findMessageId('late')).toBeDefined();
    let refused: WorkResult<unknown> | undefined;
    committer.enqueue(
      async () => 1,
      (r) => (refused = r),
    );
    expect(refused?.ok).toBe(false);
  });

  it('on SQLite runs a whole batch without the event loop turning in between', async () => {
    if (t.kind() !== 'sqlite') return;
    await seedFamily(t, 2);
    const committer = committerOn();
    let turned = false;
    const sawTurn: boolean[] = [];
    for (let i = 0; i < 200; i++) {
      committer.enqueue(
        async (tx) => {
          if (i === 0) setImmediate(() => (turned = true));
          await tx.messages.insertMessage(message(`n${i}`, 'K1', 'K2'));
          await tx.messages.findMessageId(`n${i}`);
          sawTurn.push(turned);
        },
        () => undefined,
      );
    }
    await committer.flush();
    expect(sawTurn).toHaveLength(200);
    expect(sawTurn.some(Boolean)).toBe(false);
    expect(committer.stats()).toEqual({ commits: 1, pieces: 200 });
  });

  it('with several lanes commits batches side by side, each piece once, answered after its commit', async () => {
    await seedFamily(t, 2);
    const committer = createGroupCommitter(t.store(), { delayMs: 0, lanes: 3, onCallbackError: () => undefined });
    let running = 0;
    let most = 0;
    const answers: Promise<WorkResult<unknown>>[] = [];
    for (let i = 0; i < 90; i++) {
      answers.push(
        new Promise((resolve) =>
          committer.enqueue(async (tx) => {
            running++;
            most = Math.max(most, running);
            await tx.messages.insertMessage(message(`l${i}`, 'K1', 'K2'));
            running--;
          }, resolve),
        ),
      );
    }
    await committer.flush();
    const results = await Promise.all(answers);
    expect(results.every((r) => r.ok)).toBe(true);
    for (let i = 0; i < 90; i++) expect(await t.store().messages.findMessageId(`l${i}`)).toMatchObject({ state: 'queued' });
    // All 90 arrived together: three lanes, three transactions (SQLite's run one after another).
    expect(committer.stats()).toEqual({ commits: 3, pieces: 90 });
    if (t.kind() === 'postgres') expect(most).toBeGreaterThan(1);
  });
});
