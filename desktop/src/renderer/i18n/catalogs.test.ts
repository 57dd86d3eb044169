import { describe, expect, it } from 'vitest';
import { resolveLanguage } from './create-i18n';
import { en } from './en';
import { es } from './es';

/** Every leaf key, plural forms folded into their base key. */
function keys(node: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    const key = `${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (typeof v === 'string') out.add(key);
    else for (const sub of keys(v, `${key}.`)) out.add(sub);
  }
  return out;
}

function leaves(node: unknown, prefix = ''): [string, string][] {
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

describe('the translations', () => {
  it('say the same things in Spanish as in English', () => {
    const english = keys(en);
    const spanish = keys(es);
    expect([...english].filter((k) => !spanish.has(k))).toEqual([]);
    expect([...spanish].filter((k) => !english.has(k))).toEqual([]);
  });

  it('leave no sentence empty and use the same placeholders', () => {
    const spanish = new Map(leaves(es));
    for (const [key, text] of leaves(en)) {
      if (key === 'chat.state.received') continue;
      expect(text, key).not.toBe('');
      const other = spanish.get(key) ?? spanish.get(key.replace(/_one$/, '_other')) ?? '';
      const names = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
      expect(names(other), key).toEqual(names(text));
    }
  });

  it('follows the system language unless the grown-ups chose one', () => {
    expect(resolveLanguage('auto', ['es-MX', 'en-US'])).toBe('es');
    expect(resolveLanguage('auto', ['fr-FR', 'en-GB'])).toBe('en');
    expect(resolveLanguage('auto', ['de-DE'])).toBe('en');
    expect(resolveLanguage('en', ['es-ES'])).toBe('en');
  });
});
