import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('gives one text whatever the key order or spacing', () => {
    const a = canonicalJson(JSON.parse('{ "kind": "text",  "text": "hi é 😀" }'));
    const b = canonicalJson(JSON.parse('{"text":"hi \\u00e9 \\ud83d\\ude00","kind":"text"}'));
    expect(a).toBe('{"kind":"text","text":"hi é 😀"}');
    expect(b).toBe(a);
  });

  it('writes numbers as ECMAScript does and sorts nested keys', () => {
    expect(canonicalJson({ z: [1e21, 0.1, -0], a: { d: true, c: null } })).toBe('{"a":{"c":null,"d":true},"z":[1e+21,0.1,0]}');
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(undefined)).toThrow();
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
  });
});
