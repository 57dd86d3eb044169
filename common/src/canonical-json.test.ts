import { describe, expect, it } from 'vitest';
import { canonicalJson, JSON_MAX_DEPTH, nestsAtMost } from './canonical-json';

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

describe('nestsAtMost', () => {
  it('counts arrays and objects in one another, however wide', () => {
    expect(nestsAtMost(1, 0)).toBe(true);
    expect(nestsAtMost({}, 0)).toBe(false);
    expect(nestsAtMost({ a: [1, { b: 2 }] }, 3)).toBe(true);
    expect(nestsAtMost({ a: [1, { b: [] }] }, 3)).toBe(false);
    expect(
      nestsAtMost(
        Array.from({ length: 10_000 }, (_, i) => ({ i })),
        2,
      ),
    ).toBe(true);
  });

  it('answers for values far deeper than a stack holds, without recursion', () => {
    const deep: unknown = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(nestsAtMost(deep)).toBe(false);
    expect(nestsAtMost(JSON.parse(`${'['.repeat(JSON_MAX_DEPTH)}${']'.repeat(JSON_MAX_DEPTH)}`))).toBe(true);
  });
});
