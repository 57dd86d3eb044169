import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { ChildRelayExport, type ExportResult } from '@hearth/common';
import { Value } from 'typebox/value';
import { befriend, must, setUpFamily, startTestDesktop, TEST_PASSWORD, type TestDesktop } from '@hearth/test-kit/desktop';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { insertAttachment } from '../db/child/queries/attachments';
import { insertMessage } from '../db/child/queries/messages';

/**
 * The family's export (issue 15 §4) through main's real channel: a child's store with messages,
 * a photo sent through the relay and a video message on this PC; the ZIP read back with yauzl,
 * every manifest hash checked, the pages without JavaScript and with relative links only.
 */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const NASTY = '<script>alert("hi")</script> & <img src=https://evil.example/x.png>';

let relay: TestRelay;
let family: TestDesktop;
let friendPc: TestDesktop;
let exportDir: string;
let maya: Awaited<ReturnType<typeof setUpFamily>>;
let tom: Awaited<ReturnType<typeof setUpFamily>>;
let videoHash: string;
let result: ExportResult;
let files: Map<string, Buffer>;

function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Buffer>();
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Every URL a page names (src, href), which must all be relative paths inside the folder. */
const urlsOf = (html: string): string[] => [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1] as string);

beforeAll(async () => {
  relay = await startTestRelay();
  exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-export-'));
  family = await startTestDesktop(relay.url, { exportDir });
  friendPc = await startTestDesktop(relay.url);
  maya = await setUpFamily(family.api, 'Maya');
  tom = await setUpFamily(friendPc.api, 'Tom');
  await befriend(family.api, maya.childId, friendPc.api, tom.childId);
  must(await family.api.sendMessage({ contactId: tom.childId, content: { kind: 'text', text: NASTY } }));
  const info = must(await family.api.addAttachment({ kind: 'photo', mime: 'image/png', dataBase64: PNG }));
  must(
    await family.api.sendMessage({
      contactId: tom.childId,
      content: { kind: 'photo', attachment: { hash: info.hash, size: info.size, mime: 'image/png' }, caption: 'my cat' },
    }),
  );
  must(await friendPc.api.sendMessage({ contactId: maya.childId, content: { kind: 'text', text: 'nice cat!' } }));
  await waitFor(
    async () => must(await family.api.listMessages({ contactId: tom.childId, limit: 10 })).messages.length === 3,
    15_000,
    'Tom’s answer at Maya',
  );
  // A video message from an earlier month, put straight into Maya's store (the export reads what is stored).
  const store = family.core.stores.get(maya.childId);
  const video = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(2048, 7)]);
  videoHash = createHash('sha256').update(video).digest('hex');
  fs.writeFileSync(path.join(store.attachmentsDir, videoHash), video);
  insertAttachment(store.db, { hash: videoHash, kind: 'video', mime: 'video/webm', size: video.length, state: 'ready', now: 1 });
  insertMessage(store.db, {
    id: '01JA0000000000000000000000',
    contactId: tom.childId,
    direction: 'in',
    content: { kind: 'video', attachment: { hash: videoHash, size: video.length, mime: 'video/webm' }, durationMs: 3000 },
    sentAt: Date.UTC(2024, 9, 15),
    storedAt: Date.UTC(2024, 9, 15),
    state: 'received',
  });
  must(await family.api.leaveProfile());
  result = must(await family.api.exportChild({ childId: maya.childId, lang: 'es' }));
  files = await readZip(result.path);
}, 120_000);

afterAll(async () => {
  for (const d of [family, friendPc]) d?.close();
  await relay?.dispose();
  fs.rmSync(exportDir, { recursive: true, force: true });
});

describe('the family’s export', () => {
  it('saves one ZIP in the export folder and says what it holds', () => {
    expect(path.dirname(result.path)).toBe(exportDir);
    expect(result.fileName).toMatch(/^Hearth-Maya-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(fs.statSync(result.path).size).toBe(result.bytes);
    expect(fs.readdirSync(exportDir)).toEqual([result.fileName]);
    expect(result).toMatchObject({ messages: 4, mediaFiles: 2, relayIncluded: true, files: files.size });
  });

  it('lists every other file in manifest.json with its SHA-256, and nothing else', () => {
    const manifest = JSON.parse((files.get('manifest.json') as Buffer).toString()) as {
      files: { path: string; sha256: string; bytes: number }[];
    };
    const others = [...files.keys()].filter((f) => f !== 'manifest.json').sort();
    expect(manifest.files.map((f) => f.path).sort()).toEqual(others);
    for (const f of manifest.files) {
      const bytes = files.get(f.path) as Buffer;
      expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
      expect(bytes.length).toBe(f.bytes);
    }
  });

  it('holds index.html, a page per conversation and month, the data as JSON and the media as stored', () => {
    for (const f of ['index.html', 'style.css', 'calls.html']) expect(files.has(f), f).toBe(true);
    for (const d of ['account', 'consents', 'guardians', 'friends', 'messages', 'calls', 'activity', 'devices', 'relay']) {
      expect(() => JSON.parse((files.get(`data/${d}.json`) as Buffer).toString()), d).not.toThrow();
    }
    const pages = [...files.keys()].filter((f) => f.startsWith('conversations/'));
    expect(pages).toContain(`conversations/${tom.childId}-2024-10.html`);
    expect(pages).toHaveLength(2);
    expect(files.get(`media/${videoHash}.webm`)).toEqual(
      fs.readFileSync(path.join(family.core.stores.get(maya.childId).attachmentsDir, videoHash)),
    );
    expect(files.get(`media/${createHash('sha256').update(Buffer.from(PNG, 'base64')).digest('hex')}.png`)).toEqual(
      Buffer.from(PNG, 'base64'),
    );
    const messages = JSON.parse((files.get('data/messages.json') as Buffer).toString()) as { content: { text?: string } }[];
    expect(messages.map((m) => m.content.text)).toContain(NASTY);
    const relayPart = JSON.parse((files.get('data/relay.json') as Buffer).toString()) as ChildRelayExport;
    expect(relayPart.child.childId).toBe(maya.childId);
    // What the relay holds includes the messages to and from Maya it still keeps, and her friend codes.
    expect(Value.Check(ChildRelayExport, relayPart)).toBe(true);
    for (const m of relayPart.heldMessages) expect([m.from, m.to]).toContain(maya.childId);
    expect(relayPart.inviteCodes.filter((i) => i.redeemedAt !== null)).toHaveLength(1); // the code Tom typed in
  });

  it('has pages without JavaScript that load only files of the folder by relative path', () => {
    const pages = [...files.keys()].filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) {
      const html = (files.get(page) as Buffer).toString();
      expect(html, page).not.toMatch(/<script/i);
      expect(html, page).not.toMatch(/\son[a-z]+=/i);
      for (const url of urlsOf(html)) {
        expect(url, `${page}: ${url}`).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:|\/)/i);
        const target = url.split('#')[0] as string;
        if (target)
          expect(files.has(path.posix.normalize(path.posix.join(path.posix.dirname(page), target))), `${page} → ${url}`).toBe(
            true,
          );
      }
    }
    const conversation = (files.get(`conversations/${tom.childId}-2024-10.html`) as Buffer).toString();
    expect(conversation).toContain(`<video controls src="../media/${videoHash}.webm">`);
    const index = (files.get('index.html') as Buffer).toString();
    expect(index).toContain('El Hearth de Maya');
  });

  it('escapes what the children wrote', () => {
    const page = [...files.entries()].find(([f, b]) => f.startsWith('conversations/') && b.toString().includes('my cat'));
    expect(page?.[1].toString()).toContain('&#60;script&#62;alert(&#34;hi&#34;)&#60;/script&#62;');
  });

  it('shows the progress, and tells the child in their own view', async () => {
    const progress = family.events
      .filter((e) => e.event === 'exportProgress')
      .map((e) => e.payload as { done: number; total: number });
    expect(progress.at(-1)).toMatchObject({ done: 10, total: 10 });
    must(await family.api.selectProfile({ childId: maya.childId }));
    const mine = must(await family.api.getMyActivityDetail());
    expect(mine.copiesSavedAt).toHaveLength(1);
    must(await family.api.leaveProfile());
  });

  it('saves a copy without the relay’s part when the grown-up is not signed in, and says why', async () => {
    must(await family.api.signOutParent());
    must(await family.api.unlock({ password: TEST_PASSWORD }));
    const offline = must(await family.api.exportChild({ childId: maya.childId }));
    expect(offline.relayIncluded).toBe(false);
    expect(offline.fileName).toMatch(/^Hearth-Maya-\d{4}-\d{2}-\d{2}-2\.zip$/);
    const copy = await readZip(offline.path);
    expect(JSON.parse((copy.get('data/relay.json') as Buffer).toString())).toMatchObject({
      included: false,
      code: 'UNAUTHENTICATED',
    });
    expect(JSON.parse((copy.get('data/guardians.json') as Buffer).toString())).toBeNull();
    expect((copy.get('index.html') as Buffer).toString()).toContain('Maya');
  });

  it('refuses while the grown-ups’ pane is locked', async () => {
    must(await family.api.lock());
    const refused = await family.api.exportChild({ childId: maya.childId });
    expect(refused.ok ? null : refused.error.code).toBe('LOCKED');
  });
});
