import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { befriend, must, setUpFamily, startTestDesktop, type TestDesktop } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { fixture } from '../services/strip-metadata/test-pictures';

let relay: TestRelay;
let alice: TestDesktop;
let bob: TestDesktop;
let bobId: string;
/** The relay and the PCs the file started, closed newest first. */
const started = createClosers();

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  alice = started.add(await startTestDesktop(relay.url), () => alice.close());
  bob = started.add(await startTestDesktop(relay.url), () => bob.close());
  const aliceId = (await setUpFamily(alice.api, 'Alice')).childId;
  bobId = (await setUpFamily(bob.api, 'Bob')).childId;
  await befriend(alice.api, aliceId, bob.api, bobId);
});
afterAll(() => started.closeAll());

describe('attachment upload progress', () => {
  it('tells the renderer how much of a photo went up, ending with all of it', async () => {
    // A real JPEG made 600 KB long in its scan (no 0xFF byte, so no marker): what main keeps of a
    // photo (it strips comments and other metadata before anything leaves the PC).
    const jpeg = fixture('tiny.jpg');
    const scan = randomBytes(600 * 1024).map((b) => (b === 0xff ? 0xfe : b));
    const bytes = Buffer.concat([jpeg.subarray(0, -2), scan, jpeg.subarray(-2)]);
    const info = must(await alice.api.addAttachment({ kind: 'photo', mime: 'image/jpeg', dataBase64: bytes.toString('base64') }));
    expect(info.size).toBeGreaterThan(600 * 1024);
    must(
      await alice.api.sendMessage({
        contactId: bobId,
        content: { kind: 'photo', attachment: { hash: info.hash, size: info.size, mime: 'image/jpeg' } },
      }),
    );
    const progress = await waitFor(
      () => {
        const seen = alice.events.flatMap((e) => (e.event === 'attachmentProgress' ? [e.payload] : []));
        return seen.at(-1)?.sent === info.size ? seen : null;
      },
      15_000,
      'the whole upload',
    );
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.every((p) => p.hash === info.hash && p.total === info.size)).toBe(true);
    const sent = progress.map((p) => p.sent);
    expect([...sent].sort((x, y) => x - y)).toEqual(sent);
    await waitFor(async () => (await bob.api.readAttachment({ hash: info.hash })).ok, 15_000, 'the photo at Bob’s');
  });
});
