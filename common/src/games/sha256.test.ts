import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';

type Subtle = { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> };
type Encoder = { encode(text: string): Uint8Array };
const g = globalThis as unknown as { crypto: { subtle: Subtle }; TextEncoder: new () => Encoder };

async function reference(text: string): Promise<string> {
  const digest = await g.crypto.subtle.digest('SHA-256', new g.TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with WebCrypto on any text, any length around the block edges', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), async (text) => {
        expect(sha256Hex(text)).toBe(await reference(text));
      }),
    );
    for (let n = 50; n < 70; n++) expect(sha256Hex('x'.repeat(n))).toBe(await reference('x'.repeat(n)));
  });
});
