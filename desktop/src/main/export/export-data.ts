import type { ReadableDB } from '@hearth/sqlite';
import { iterateMessagesForExport, iterateTable } from '../db/child/queries/exports';
import { matchesForExport } from '../db/child/queries/games';
import type { ZipWriter } from './zip-writer';

/** Writes a JSON array into the ZIP one element at a time, from any iterator. */
export async function writeJsonArray<T>(
  zip: ZipWriter,
  name: string,
  rows: Iterable<T>,
  map: (row: T) => unknown,
): Promise<void> {
  const w = zip.open(name);
  await w.write('[');
  let first = true;
  for (const row of rows) {
    await w.write(`${first ? '\n' : ',\n'}${JSON.stringify(map(row))}`);
    first = false;
  }
  await w.write(first ? ']\n' : '\n]\n');
  await w.end();
}

/** `data/messages.json`: every message with its content exactly as stored, streamed. */
export async function writeMessagesJson(zip: ZipWriter, db: ReadableDB, tick: () => void): Promise<void> {
  await writeJsonArray(zip, 'data/messages.json', iterateMessagesForExport(db), (r) => {
    tick();
    return {
      messageId: r.id,
      contactId: r.contactId,
      direction: r.direction,
      sentAt: r.sentAt,
      state: r.state,
      content: JSON.parse(r.bodyJson) as unknown,
    };
  });
}

/** `data/calls.json` and `data/activity.json` (30 days of activity, blocks and reports, image-log opens, game matches). */
export async function writeRecordsJson(zip: ZipWriter, db: ReadableDB): Promise<void> {
  await writeJsonArray(zip, 'data/calls.json', iterateTable(db, 'call_log'), (r) => ({ ...r, video: r['video'] === 1 }));
  const w = zip.open('data/activity.json');
  const parts = [
    ['activity', 'activity_log'],
    ['friendshipHistory', 'friendship_history'],
    ['imageLogOpens', 'image_log_opens'],
  ] as const;
  await w.write('{');
  for (const [i, [key, table]] of parts.entries()) {
    await w.write(`${i === 0 ? '' : ','}\n${JSON.stringify(key)}: [`);
    let first = true;
    for (const row of iterateTable(db, table)) {
      await w.write(`${first ? '\n' : ',\n'}${JSON.stringify(row)}`);
      first = false;
    }
    await w.write(']');
  }
  // Games (F9): each match with a friend (its moves stay in this PC's store; scores come from these).
  await w.write(`,\n"gameMatches": ${JSON.stringify(matchesForExport(db))}`);
  await w.write('\n}\n');
  await w.end();
}
