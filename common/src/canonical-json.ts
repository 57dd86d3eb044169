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

/**
 * The deepest nesting of arrays and objects Hearth reads in a free-form JSON value (a game move):
 * far more than any it sends, far less than a call stack holds (canonicalizing walks it recursively).
 */
export const JSON_MAX_DEPTH = 32;

/** Whether `value` nests arrays and objects at most `maxDepth` deep: looked at without recursion, so any value is safe to ask about. */
export function nestsAtMost(value: unknown, maxDepth: number = JSON_MAX_DEPTH): boolean {
  const stack: Array<readonly [unknown, number]> = [[value, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [v, depth] = next;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= maxDepth) return false;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}
