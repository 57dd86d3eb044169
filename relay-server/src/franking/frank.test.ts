import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@hearth/common';
import { contentDigest, frankMac, type FrankedFields } from './frank';

const key = Buffer.alloc(32, 9);

/** F11's definition, spelled out with the canonical-JSON library: what every record since franking began holds. */
const byDefinition = (m: FrankedFields): Buffer =>
  createHmac('sha256', key)
    .update(canonicalJson([m.id, m.from, m.to, m.sentAt, m.contentSha256]), 'utf8')
    .digest();

describe('franking MACs and digests (F11)', () => {
  it('are the RFC 8785 forms, so records made before the fast path still verify', () => {
    const cases: FrankedFields[] = [
      { id: '01JE5W7M2Q3R4S5T6V7W8X9Y0Z', from: 'K1', to: 'K2', sentAt: 1_765_000_000_123, contentSha256: 'ab'.repeat(32) },
      // Strings JSON escapes, and the largest times.
      { id: 'a"b\\c', from: 'é\u2028😀', to: '\u0001\n', sentAt: Number.MAX_SAFE_INTEGER, contentSha256: '' },
      { id: 'x', from: 'y', to: 'z', sentAt: 0, contentSha256: '0'.repeat(64) },
    ];
    for (const m of cases) expect(frankMac(key, m).equals(byDefinition(m))).toBe(true);
    const content = { text: 'hi 😀', kind: 'text', nested: { b: 1, a: [2, 'x'] } };
    expect(contentDigest(content)).toBe(createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex'));
  });

  it('refuses a time JSON cannot hold, as the canonical form does', () => {
    const m = { id: 'x', from: 'y', to: 'z', contentSha256: '' };
    expect(() => frankMac(key, { ...m, sentAt: Number.NaN })).toThrow();
    expect(() => frankMac(key, { ...m, sentAt: Number.POSITIVE_INFINITY })).toThrow();
  });
});
