/**
 * `npm run bench:store`: a child store with 1,000,000 messages across 50 contacts, on a real
 * SQLite file (WAL, synchronous=FULL, FTS5), through the same query functions the app uses.
 * Prints `name: value unit` lines. Run by hand; not a timed test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createUlidFactory } from '../src/main/ids';
import { createChildStores } from '../src/main/stores/child-stores';
import { insertMessage, listConversation, searchMessages } from '../src/main/db/child/queries/messages';

const TOTAL = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const CONTACTS = 50;
const BATCH = 10_000;
const SAMPLES = 1_000;

// A deterministic generator, so every run stores the same text.
let seed = 42;
const rand = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'be', 'do', 'fu', 'ga', 'hi', 'ju', 'pe', 'zo'];
const VOCABULARY = Array.from({ length: 5_000 }, (_, i) => {
  let w = '';
  for (let n = i + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) w += SYLLABLES[n % SYLLABLES.length];
  return w;
});
/** Zipf-like: a few words are very common, most are rare (like real chat). */
const word = (): string => VOCABULARY[Math.floor(VOCABULARY.length * rand() ** 3)] as string;
const sentence = (): string => Array.from({ length: 3 + Math.floor(rand() * 10) }, word).join(' ');

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
function measure(fn: (i: number) => void, n: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}
const ms = (v: number): string => v.toFixed(3);

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-store-'));
  const stores = createChildStores({ dataDir: dir });
  const childId = '01J0000000000000000000BNCH';
  const { db } = stores.get(childId);
  const contacts = Array.from({ length: CONTACTS }, (_, i) => `01J00000000000000000000${String(i).padStart(3, '0')}`);
  const newId = createUlidFactory();
  let t = Date.UTC(2025, 0, 1);

  const insertBatch = db.transaction((count: number) => {
    for (let i = 0; i < count; i++) {
      t += 1_000;
      insertMessage(db, {
        id: newId(t),
        contactId: contacts[Math.floor(rand() * CONTACTS)] as string,
        direction: rand() < 0.5 ? 'in' : 'out',
        content: { kind: 'text', text: sentence() },
        sentAt: t,
        storedAt: t,
        state: 'received',
      });
    }
  });
  const insertStart = performance.now();
  for (let done = 0; done < TOTAL; done += BATCH) insertBatch(Math.min(BATCH, TOTAL - done));
  const insertSeconds = (performance.now() - insertStart) / 1000;

  // One message per transaction, as the app stores an incoming message (fsync each).
  const single = measure(() => {
    t += 1_000;
    insertMessage(db, {
      id: newId(t),
      contactId: contacts[0] as string,
      direction: 'in',
      content: { kind: 'text', text: sentence() },
      sentAt: t,
      storedAt: t,
      state: 'received',
    });
  }, 500);

  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('optimize');
  const open = measure((i) => listConversation(db, contacts[i % CONTACTS] as string, { limit: 50 }), SAMPLES);
  // Words of every frequency: common, middling and rare.
  const queries = Array.from({ length: 200 }, (_, i) => VOCABULARY[Math.floor(((i * 37) % 200) * 25)] as string);
  let hits = 0;
  const search = measure((i) => {
    hits += searchMessages(db, queries[i % queries.length] as string, { limit: 50 }).length;
  }, SAMPLES);
  const searchInConversation = measure(
    (i) => searchMessages(db, queries[i % queries.length] as string, { limit: 50, contactId: contacts[i % CONTACTS] as string }),
    200,
  );
  const bytes = fs
    .readdirSync(path.join(dir, 'children', childId))
    .filter((f) => f.startsWith('child.sqlite'))
    .reduce((n, f) => n + fs.statSync(path.join(dir, 'children', childId, f)).size, 0);

  console.log(`messages: ${TOTAL} count`);
  console.log(`contacts: ${CONTACTS} count`);
  console.log(`insert throughput: ${Math.round(TOTAL / insertSeconds)} msg/s`);
  console.log(`insert one per transaction p50: ${ms(percentile(single, 50))} ms`);
  console.log(`open conversation p50: ${ms(percentile(open, 50))} ms`);
  console.log(`open conversation p99: ${ms(percentile(open, 99))} ms`);
  console.log(`search p50: ${ms(percentile(search, 50))} ms`);
  console.log(`search p99: ${ms(percentile(search, 99))} ms`);
  console.log(`search in one conversation p50: ${ms(percentile(searchInConversation, 50))} ms`);
  console.log(`search in one conversation p99: ${ms(percentile(searchInConversation, 99))} ms`);
  console.log(`search hits per query: ${(hits / SAMPLES).toFixed(1)} count`);
  console.log(`store size: ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
  stores.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
}

main();
