import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  befriend,
  must,
  RELAY_PASSWORD,
  setUpFamily,
  startTestDesktop,
  TEST_PASSWORD,
  type TestDesktop,
} from '@hearth/test-kit/desktop';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';

/**
 * F12, "prove it" on a PC: the child is deleted from another PC while this one is off; when it
 * starts, it erases the child (DEVICE_REVOKED with wipe), and none of the child's distinctive
 * strings is left anywhere in its data folder: the family store with its WAL and SHM included.
 */
let relay: TestRelay;
const open: TestDesktop[] = [];

beforeAll(async () => {
  relay = await startTestRelay();
});
afterAll(async () => {
  for (const d of open) d.close();
  await relay.dispose();
});

async function desktop(dataDir?: string): Promise<TestDesktop> {
  const d = await startTestDesktop(relay.url, dataDir ? { dataDir } : {});
  open.push(d);
  return d;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

/** `file: string` for each string a file under `dir` holds (as UTF-8 bytes). */
function leftovers(dir: string, strings: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = fs.readFileSync(file);
    for (const s of strings) if (bytes.includes(Buffer.from(s, 'utf8'))) found.push(`${path.relative(dir, file)}: ${s}`);
  }
  return found;
}

const NAME = 'Zephyrinabelle';
const USERNAME = `xqzephyr${process.pid}`;
const TO_FRIEND = 'Tangerinewombat says hello to the friend';
const FROM_FRIEND = 'Cobaltnarwhal writes back to the child';

describe('a wiped child leaves nothing on the PC (F12)', () => {
  it("finds none of the child's strings in the PC's whole data folder after the erase", async () => {
    const a = await desktop();
    // As setUpFamily does, but the grown-up's email (which the PC keeps) shares nothing with the child.
    const parentEmail = `grown-up${Date.now()}@example.test`;
    must(await a.api.registerParent({ email: parentEmail, password: RELAY_PASSWORD, displayName: 'Grown-up' }));
    const policy = must(await a.api.getPolicy());
    const { child } = must(
      await a.api.createChild({
        displayName: NAME,
        username: USERNAME,
        consent: { policyVersion: policy.version, method: 'checkbox', agreed: true },
      }),
    );
    must(await a.api.enrollPc({ name: 'First PC', childIds: [child.childId] }));
    must(await a.api.setParentPassword({ password: TEST_PASSWORD }));
    const f = await desktop();
    const friend = await setUpFamily(f.api, 'Friendo');
    await befriend(a.api, child.childId, f.api, friend.childId);

    // PC B: enrolled for the child, online while the two children write to each other.
    const b = await desktop();
    must(await b.api.signInParent({ email: parentEmail, password: RELAY_PASSWORD }));
    must(await b.api.enrollPc({ name: 'Second PC', childIds: [child.childId] }));
    must(await b.api.setParentPassword({ password: TEST_PASSWORD }));
    await waitFor(() => b.core.sync.connectionState(child.childId) === 'online', 5_000, 'B online');
    must(await a.api.selectProfile({ childId: child.childId }));
    must(await a.api.sendMessage({ contactId: friend.childId, content: { kind: 'text', text: TO_FRIEND } }));
    must(await f.api.selectProfile({ childId: friend.childId }));
    must(await f.api.sendMessage({ contactId: child.childId, content: { kind: 'text', text: FROM_FRIEND } }));

    const strings = [NAME, USERNAME, FROM_FRIEND];
    // The scan can find them: B holds the child's name, username and the friend's message.
    await waitFor(() => leftovers(b.dataDir, [FROM_FRIEND]).length > 0, 10_000, 'the message on B');
    const before = leftovers(b.dataDir, strings).map((l) => l.split(': ')[1]);
    for (const s of strings) expect(before).toContain(s);
    const bDir = b.dataDir;
    b.close();

    must(await a.api.unlock({ password: TEST_PASSWORD }));
    must(await a.api.deleteChild({ childId: child.childId, typedName: NAME, password: RELAY_PASSWORD }));
    const again = await desktop(bDir);
    await waitFor(() => !fs.existsSync(path.join(bDir, 'children', child.childId)), 10_000, 'the child folder erased');
    // Scanned while the PC runs: the family store's WAL and SHM are there too.
    expect(leftovers(bDir, [...strings, TO_FRIEND])).toEqual([]);
    // The PC the guardian deleted the child from forgot it at once.
    expect(leftovers(a.dataDir, [...strings, TO_FRIEND])).toEqual([]);
    // The PC's own stores: the family store and a child's store are opened with secure_delete on.
    expect(again.core.familyDb.pragma('secure_delete', { simple: true })).toBe(1);
    expect(f.core.stores.get(friend.childId).db.pragma('secure_delete', { simple: true })).toBe(1);
  });
});
