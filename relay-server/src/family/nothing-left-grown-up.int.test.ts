import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, buildTestApp, createChild, enrollDevice, expectStatus, registerParent, type TestRelay } from '../../test/helpers';
import { addGrownUp } from '../../test/family-helpers';
import { relayLoggerOptions } from '../plugins/request-log';
import { sqliteOf } from '../store/sqlite-store';

/**
 * F12 for a grown-up (issue 15 §3): after a grown-up deletes their own account, neither their name
 * nor their email is in the relay's SQLite file, its WAL or SHM, the attachment folder or the log,
 * though a child of theirs stays with another guardian (who was told, by notice) and their consent
 * records stay (ids only).
 */
const NAME = 'Zebulonquaffle';
const EMAIL = `grownup.quaffle${process.pid}@example.test`;
const KID_NAME = 'Orrinpepperwick'; // the child who goes with her, as its last guardian
const STRINGS = [NAME, EMAIL, KID_NAME];

let relay: TestRelay;
let logDir: string;
let logFile: string;

beforeEach(async () => {
  logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-relay-log-'));
  logFile = path.join(logDir, 'relay.log');
  relay = await buildTestApp({ logger: { ...relayLoggerOptions('trace'), file: logFile } });
});
afterEach(async () => {
  await relay.close();
  fs.rmSync(logDir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

/** `file: string` for each distinctive string a file holds (UTF-8, and the email lower-cased too). */
function leftovers(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    for (const s of STRINGS) {
      if (bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s.toLowerCase(), 'utf8'))) {
        found.push(`${path.basename(file)}: ${s}`);
      }
    }
  }
  return found;
}

describe("deleting a grown-up's account leaves nothing of their name or email on the relay (F12)", () => {
  it('finds neither in the SQLite file, its WAL and SHM, the blob folder or the log', async () => {
    const { app } = relay;
    const her = await registerParent(app, { displayName: NAME, email: EMAIL });
    const goes = await createChild(app, her.token, { displayName: KID_NAME });
    const stays = await createChild(app, her.token, { displayName: 'Lou' });
    // She invites the other guardian (notices by her name), and is invited as a trusted grown-up elsewhere.
    const other = await addGrownUp(app, her.token, 'guardian', [stays.childId], { displayName: 'Bob' });
    const elsewhere = await registerParent(app);
    const elsewhereKid = await createChild(app, elsewhere.token);
    await addGrownUp(app, elsewhere.token, 'trusted', [elsewhereKid.childId], { grownUp: her });
    await enrollDevice(app, her.token, [goes.childId, stays.childId]);
    await enrollDevice(app, other.token, [stays.childId]);
    // A wrong try first: the backoff row is keyed by her address.
    expect((await api(app, 'DELETE', '/v1/me', { token: her.token, body: { password: 'not it' } })).status).toBe(401);

    const db = sqliteOf(app.relay);
    db.pragma('wal_checkpoint(PASSIVE)');
    const everything = (): string[] => [...filesUnder(relay.dataDir), logFile];
    const before = leftovers(everything()).map((l) => l.split(': ')[1]);
    for (const s of STRINGS) expect(before).toContain(s);

    expectStatus(await api(app, 'DELETE', '/v1/me', { token: her.token, body: { password: her.password } }), 204);

    expect(leftovers(everything())).toEqual([]);
    // What stays: the child with another guardian, and her consent records, ids only.
    expectStatus(await api(app, 'GET', `/v1/children/${stays.childId}`, { token: other.token }), 200);
    expect(db.prepare(`SELECT count(*) FROM consents WHERE parent_id = ?`).pluck().get(her.parentId)).toBe(2);
  });
});
