import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { buildTestApp, registerParent, type TestParent, type TestRelay } from '../../test/helpers';

/** A real 1×1 PNG; bytes after its end do not change what it is. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1a4f80000000049454e44ae426082',
  'hex',
);
/** A PNG of exactly `size` bytes, different for each `seed`. */
const picture = (size: number, seed: number): Buffer => Buffer.concat([PNG, Buffer.alloc(size - PNG.length, seed)]);

const QUOTA = 300;
const STORE_MAX = 500;

let relay: TestRelay;
let base: string;
let a: TestParent;
let b: TestParent;
let c: TestParent;

beforeAll(async () => {
  relay = await buildTestApp({
    messaging: { ...DEFAULT_CONFIG.messaging, attachmentQuotaBytes: QUOTA, attachmentStoreMaxBytes: STORE_MAX },
  });
  [a, b, c] = [await registerParent(relay.app), await registerParent(relay.app), await registerParent(relay.app)];
  base = await relay.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await relay.close();
});

/** A real HTTP upload; `chunked` sends the body without a Content-Length. */
async function upload(who: TestParent, bytes: Buffer, chunked = false): Promise<{ status: number; code?: string }> {
  const body = chunked
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(bytes));
          controller.close();
        },
      })
    : bytes;
  const res = await fetch(`${base}/v1/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/octet-stream' },
    body,
    ...(chunked ? { duplex: 'half' } : {}),
  } as RequestInit);
  const json = (await res.json()) as { error?: { code: string } };
  return { status: res.status, ...(json.error ? { code: json.error.code } : {}) };
}

const tempFiles = (): string[] => {
  const tmp = path.join(relay.dataDir, 'attachments', 'tmp');
  return fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
};

describe('attachment storage limits', () => {
  it("refuses an upload past the account's quota with QUOTA_EXCEEDED, declared or streamed, and keeps nothing of it", async () => {
    expect(await upload(a, picture(200, 1))).toEqual({ status: 201 });
    expect(await upload(a, picture(150, 2))).toEqual({ status: 413, code: 'QUOTA_EXCEEDED' });
    expect(await upload(a, picture(150, 3), true)).toEqual({ status: 413, code: 'QUOTA_EXCEEDED' });
    expect(tempFiles()).toEqual([]);
    // Within the quota still, and the same file again takes no more room.
    expect(await upload(a, picture(100, 4))).toEqual({ status: 201 });
    expect(await upload(a, picture(200, 1))).toEqual({ status: 201 });
    expect(await upload(a, picture(1 + PNG.length, 5))).toEqual({ status: 413, code: 'QUOTA_EXCEEDED' });
  });

  it('refuses an upload past the configured total of stored bytes with STORAGE_FULL', async () => {
    // Stored now: a's 300 bytes. b fits (500), c does not.
    expect(await upload(b, picture(200, 6))).toEqual({ status: 201 });
    expect(await upload(c, picture(100, 7))).toEqual({ status: 507, code: 'STORAGE_FULL' });
    expect(await upload(c, picture(100, 8), true)).toEqual({ status: 507, code: 'STORAGE_FULL' });
    expect(tempFiles()).toEqual([]);
    // Bytes the relay already holds take no room: c may send the same picture as a.
    expect(await upload(c, picture(200, 1))).toEqual({ status: 201 });
  });
});
