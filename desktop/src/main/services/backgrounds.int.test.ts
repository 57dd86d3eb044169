import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BACKGROUND_PICTURE_BYTES, MAX_BACKGROUND_PICTURES } from '@hearth/common';
import { must, setUpFamily, startTestDesktop, type TestDesktop } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { jpegWithMetadata, pngWithMetadata } from './picture-fixtures';

let relay: TestRelay;
let desk: TestDesktop;
let childId: string;
/** The relay and the PC the file started, closed newest first. */
const started = createClosers();
const b64 = (b: Buffer): string => b.toString('base64');
const folder = (): string => path.join(desk.dataDir, 'children', childId, 'backgrounds');

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  desk = started.add(await startTestDesktop(relay.url), () => desk.close());
  childId = (await setUpFamily(desk.api, 'Noa')).childId;
});
afterAll(() => started.closeAll());

describe('a child’s own call backgrounds over IPC', () => {
  it('needs a chosen profile', async () => {
    must(await desk.api.leaveProfile());
    expect(await desk.api.listMyBackgrounds()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await desk.api.addMyBackground({ dataBase64: b64(pngWithMetadata()) })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    must(await desk.api.selectProfile({ childId }));
  });

  it('starts with no pictures and no background', async () => {
    expect(must(await desk.api.listMyBackgrounds())).toEqual({ pictures: [], choice: { kind: 'off' } });
  });

  it('keeps a PNG and a JPEG in the child’s folder without their metadata, and reads them back', async () => {
    const png = must(await desk.api.addMyBackground({ dataBase64: b64(pngWithMetadata()) }));
    const jpeg = must(await desk.api.addMyBackground({ dataBase64: b64(jpegWithMetadata()) }));
    expect(png.mime).toBe('image/png');
    expect(jpeg.mime).toBe('image/jpeg');
    const files = fs.readdirSync(folder()).sort();
    expect(files).toEqual([`${png.id}.png`, `${jpeg.id}.jpg`].sort());
    for (const f of files) expect(fs.readFileSync(path.join(folder(), f)).toString('latin1')).not.toContain('SECRET');
    const back = must(await desk.api.readMyBackground({ id: png.id }));
    expect(back.picture).toEqual(png);
    expect(Buffer.from(back.dataBase64, 'base64').equals(fs.readFileSync(path.join(folder(), `${png.id}.png`)))).toBe(true);
    expect(must(await desk.api.listMyBackgrounds()).pictures.map((p) => p.id)).toEqual([png.id, jpeg.id]);
  });

  it('refuses what is not a JPEG or PNG by its bytes, and what is too big', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await desk.api.addMyBackground({ dataBase64: b64(svg) })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED_MEDIA_TYPE' },
    });
    const tooBig = Buffer.concat([pngWithMetadata(), Buffer.alloc(MAX_BACKGROUND_PICTURE_BYTES)]);
    expect(await desk.api.addMyBackground({ dataBase64: b64(tooBig) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    // One byte over: still within the schema's base64 length, so main's own check answers.
    const png = pngWithMetadata();
    const justOver = Buffer.concat([png, Buffer.alloc(MAX_BACKGROUND_PICTURE_BYTES + 1 - png.length)]);
    expect(await desk.api.addMyBackground({ dataBase64: b64(justOver) })).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(await desk.api.readMyBackground({ id: '../../family' } as never)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(must(await desk.api.listMyBackgrounds()).pictures).toHaveLength(2);
  });

  it('keeps at most a few pictures', async () => {
    const have = must(await desk.api.listMyBackgrounds()).pictures.length;
    for (let i = have; i < MAX_BACKGROUND_PICTURES; i += 1)
      must(await desk.api.addMyBackground({ dataBase64: b64(pngWithMetadata()) }));
    expect(await desk.api.addMyBackground({ dataBase64: b64(pngWithMetadata()) })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('remembers the chosen background, refuses a picture that is not there, and forgets a deleted one', async () => {
    const [first] = must(await desk.api.listMyBackgrounds()).pictures;
    if (!first) throw new Error('no picture');
    expect(must(await desk.api.setMyBackground({ choice: { kind: 'bundled', id: 'ocean' } }))).toEqual({
      kind: 'bundled',
      id: 'ocean',
    });
    expect(must(await desk.api.listMyBackgrounds()).choice).toEqual({ kind: 'bundled', id: 'ocean' });
    expect(await desk.api.setMyBackground({ choice: { kind: 'bundled', id: 'mars' } } as never)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await desk.api.setMyBackground({ choice: { kind: 'picture', id: '01J0000000000000000000000A' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    must(await desk.api.setMyBackground({ choice: { kind: 'picture', id: first.id } }));
    expect(must(await desk.api.listMyBackgrounds()).choice).toEqual({ kind: 'picture', id: first.id });
    const after = must(await desk.api.deleteMyBackground({ id: first.id }));
    expect(after.choice).toEqual({ kind: 'off' });
    expect(after.pictures.map((p) => p.id)).not.toContain(first.id);
    expect(fs.readdirSync(folder()).some((f) => f.startsWith(first.id))).toBe(false);
    expect(await desk.api.readMyBackground({ id: first.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps the choice across a restart of the app', async () => {
    must(await desk.api.setMyBackground({ choice: { kind: 'blur' } }));
    desk.close();
    desk = await startTestDesktop(relay.url, { dataDir: desk.dataDir });
    must(await desk.api.selectProfile({ childId }));
    expect(must(await desk.api.listMyBackgrounds()).choice).toEqual({ kind: 'blur' });
  });
});
