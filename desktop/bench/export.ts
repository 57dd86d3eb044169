/**
 * `npm run bench:export [-- --scale 0.1]`: the family's export (issue 15 §4) of a fixture child
 * with 50,000 messages and 500 MiB of media (times `--scale`), built by this process; the export
 * then runs in a fresh web-host process, called through the web host's bridge (main's real
 * channel, as the page calls it). Prints `export rss before`, `export time` and `export peak rss`
 * (that process's max RSS). Goal: peak under 300 MiB. Run by hand; not a timed test.
 */
import { spawn } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { WEB_BRIDGE_PATH } from '@hearth/common';
import { createUlidFactory } from '../src/main/ids';
import { createChildStores } from '../src/main/stores/child-stores';
import { openFamilyStore } from '../src/main/stores/family-store';
import { upsertProfile } from '../src/main/db/family/queries/profiles';
import { setPasswordHash } from '../src/main/db/family/queries/lock';
import { insertAttachment } from '../src/main/db/child/queries/attachments';
import { insertMessage } from '../src/main/db/child/queries/messages';
import { upsertContact } from '../src/main/db/child/queries/contacts';
import { createPasswordHasher } from '../src/main/lock/password-hasher';
import { silentLogger } from '../src/main/logging/logger';
import { launchWebHostApp } from '../src/main/web-host/launch';

const CHILD = '01J0000000000000000000BNCH';
const PASSWORD = 'bench-grown-ups-password';
const CONTACTS = 20;
const MiB = 1024 * 1024;
const mib = (bytes: number): string => (bytes / MiB).toFixed(1);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The fixture: the family store (a child profile, the grown-ups' password) and the child's store. */
async function buildFixture(dataDir: string, scale: number): Promise<{ messages: number; mediaBytes: number }> {
  const family = openFamilyStore(dataDir, silentLogger());
  upsertProfile(family, {
    childId: CHILD,
    parentId: '01J0000000000000000000PRNT',
    displayName: 'Bench',
    username: 'bench_kid',
    avatar: null,
    deviceToken: 'x'.repeat(43),
    addedAt: Date.UTC(2025, 0, 1),
  });
  // A cheap hash: the export's memory is measured, not argon2's.
  setPasswordHash(family, await createPasswordHasher({ memoryCostKiB: 1024, timeCost: 1, parallelism: 1 }).hash(PASSWORD));
  family.close();

  const stores = createChildStores({ dataDir });
  const { db, attachmentsDir } = stores.get(CHILD);
  const contacts = Array.from({ length: CONTACTS }, (_, i) => `01J00000000000000000000${String(i).padStart(3, '0')}`);
  const t0 = Date.UTC(2025, 0, 1);
  db.transaction(() => {
    for (const [i, id] of contacts.entries()) {
      const member = (accountId: string, name: string) => ({ accountId, displayName: name, avatar: null, kind: 'child' });
      upsertContact(
        db,
        {
          friendshipId: `01J00000000000000000001${String(i).padStart(3, '0')}`,
          kind: 'friend',
          status: 'active',
          me: member(CHILD, 'Bench'),
          friend: member(id, `Friend ${i + 1}`),
          myKidConfirmed: true,
          friendKidConfirmed: true,
          myParentApproved: true,
          friendParentApproved: true,
          iBlocked: false,
          updatedAt: t0,
        } as never,
        t0,
      );
    }
  })();

  const messages = Math.round(50_000 * scale);
  const mediaBytes = Math.round(500 * MiB * scale);
  const fileBytes = 512 * 1024;
  const files = Math.max(1, Math.round(mediaBytes / fileBytes));
  const every = Math.max(1, Math.floor(messages / files));
  const newId = createUlidFactory();
  const kinds = [
    { kind: 'photo', mime: 'image/jpeg' },
    { kind: 'voice', mime: 'audio/ogg' },
    { kind: 'video', mime: 'video/webm' },
  ] as const;
  let written = 0;
  const insert = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const sentAt = t0 + Math.floor((i / messages) * 365 * 24 * 3600 * 1000);
      const base = { id: newId(sentAt), contactId: contacts[i % CONTACTS] as string, sentAt, storedAt: sentAt };
      const direction = i % 2 === 0 ? ('in' as const) : ('out' as const);
      const state = direction === 'in' ? ('received' as const) : ('read' as const);
      if (i % every === 0 && written < files) {
        // Random bytes: media is already compressed, so the ZIP stores it as it is.
        const bytes = randomBytes(fileBytes);
        const hash = createHash('sha256').update(bytes).digest('hex');
        fs.writeFileSync(path.join(attachmentsDir, hash), bytes);
        const k = kinds[written % kinds.length] as (typeof kinds)[number];
        insertAttachment(db, { hash, kind: k.kind, mime: k.mime, size: bytes.length, state: 'ready', now: sentAt });
        const attachment = { hash, size: bytes.length, mime: k.mime };
        const content =
          k.kind === 'photo'
            ? { kind: 'photo' as const, attachment, caption: `picture ${written}` }
            : { kind: k.kind, attachment, durationMs: 4_000 };
        insertMessage(db, { ...base, direction, state, content: content as never });
        written++;
      } else {
        insertMessage(db, {
          ...base,
          direction,
          state,
          content: { kind: 'text', text: `message ${i}: see you at the park after school?` },
        });
      }
    }
  });
  for (let i = 0; i < messages; i += 5_000) insert(i, Math.min(messages, i + 5_000));
  stores.closeAll();
  return { messages, mediaBytes: written * fileBytes };
}

/** The fresh process: a web host over the fixture; the export called through its bridge like the page does. */
async function runExport(dataDir: string, exportDir: string): Promise<void> {
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>bench</title>');
  const app = await launchWebHostApp({
    relayUrl: 'http://127.0.0.1:9',
    dataDir,
    rendererDir,
    appVersion: '0.0.0-bench',
    logger: silentLogger(),
    exportDir,
  });
  const url = new URL(app.host.url);
  const ws = new WebSocket(`ws://127.0.0.1:${app.host.port}${WEB_BRIDGE_PATH}?token=${url.searchParams.get('token') ?? ''}`, {
    origin: app.host.origin,
  });
  const pending = new Map<number, (r: { ok: boolean; value?: unknown; error?: unknown }) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { id?: number; result?: { ok: boolean } };
    if (frame.id !== undefined) pending.get(frame.id)?.(frame.result as never);
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let next = 0;
  const call = (channel: string, args: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> =>
    new Promise((resolve) => {
      const id = next++;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, channel, args }));
    });
  const unlocked = await call('unlock', { password: PASSWORD });
  if (!unlocked.ok) throw new Error(`unlock: ${JSON.stringify(unlocked.error)}`);
  global.gc?.();
  process.stdout.write(`export rss before: ${mib(process.memoryUsage().rss)} MiB\n`);
  const start = performance.now();
  const result = await call('exportChild', { childId: CHILD });
  const seconds = (performance.now() - start) / 1000;
  if (!result.ok) throw new Error(`exportChild: ${JSON.stringify(result.error)}`);
  process.stdout.write(`export time: ${seconds.toFixed(1)} s\n`);
  process.stdout.write(`export peak rss: ${mib(process.resourceUsage().maxRSS * 1024)} MiB\n`);
  const v = result.value as { bytes: number; files: number };
  process.stdout.write(`export zip: ${mib(v.bytes)} MiB, ${v.files} files\n`);
  ws.close();
  await app.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const run = argValue('--run');
  if (run) {
    await runExport(run, argValue('--out') as string);
    process.exit(0);
  }
  const scale = Number(argValue('--scale') ?? 1);
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale takes a number in (0, 1]');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-export-'));
  const dataDir = path.join(work, 'data');
  const out = path.join(work, 'downloads');
  try {
    const built = performance.now();
    const fixture = await buildFixture(dataDir, scale);
    process.stdout.write(
      `fixture: ${fixture.messages} messages, ${mib(fixture.mediaBytes)} MiB of media (scale ${scale}), built in ${((performance.now() - built) / 1000).toFixed(1)} s\n`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--run', dataDir, '--out', out], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`the export process exited with ${code}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:export: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
