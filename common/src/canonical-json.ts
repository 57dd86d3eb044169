import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JSON Canonicalization Scheme): the one text of a JSON value, whatever the order of its
 * keys or its spacing. Message franking (F11) hashes a message's content in this form, so the relay
 * and a reporting PC that parsed the same JSON agree on its hash. Throws on a value JSON cannot hold
 * (undefined, NaN, Infinity).
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('this value has no JSON form');
  return text;
}
