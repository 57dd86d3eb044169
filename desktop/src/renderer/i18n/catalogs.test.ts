/**
 * What the compiler cannot check in the catalogs (it checks keys and `{{values}}` at every `t()`
 * call, and each language's keys against English): the bundles i18next gets at run time, empty
 * sentences, placeholders in other languages, and the words the effects use with a child.
 */
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '@hearth/common';
import { resolveLanguage } from './create-i18n';
import { en } from './en';
import { resources } from './resources';

/** Every leaf of a catalog as [key, sentence]. */
function leaves(node: unknown, prefix = ''): [string, string][] {
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** The plural forms each language adds beside English's `_other` (see `i18n/translation.ts`). */
const EXTRA_PLURALS: Readonly<Record<(typeof UI_LANGUAGES)[number], readonly string[]>> = { en: [], es: ['many'] };
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
// A message the app receives has no state line of its own.
const MAY_BE_EMPTY = new Set(['translation:chat.state.received']);

describe('the translations', () => {
  it('bundle every namespace in every language the app offers', () => {
    for (const lang of UI_LANGUAGES) expect(Object.keys(resources[lang]).sort(), lang).toEqual(Object.keys(resources.en).sort());
  });

  it('say the same things in every language as in English, with a plural form for each of the language’s categories', () => {
    for (const lang of UI_LANGUAGES) {
      for (const [ns, english] of Object.entries(resources.en)) {
        const expected = leaves(english).flatMap(([key]) => {
          const base = key.replace(/_other$/, '');
          return key.endsWith('_other') ? [key, ...EXTRA_PLURALS[lang].map((form) => `${base}_${form}`)] : [key];
        });
        const other = leaves(resources[lang][ns as keyof typeof resources.en]).map(([key]) => key);
        expect(other.sort(), `${lang}:${ns}`).toEqual(expected.sort());
      }
    }
  });

  it('leave no sentence empty and use the same placeholders', () => {
    for (const lang of UI_LANGUAGES) {
      for (const [ns, english] of Object.entries(resources.en)) {
        const source = new Map(leaves(english));
        for (const [key, text] of leaves(resources[lang][ns as keyof typeof resources.en])) {
          const id = `${lang}:${ns}:${key}`;
          if (MAY_BE_EMPTY.has(`${ns}:${key}`)) continue;
          expect(text, id).not.toBe('');
          // A plural form English lacks says what English's `_other` says.
          const original = source.get(key) ?? source.get(key.replace(PLURAL, '_other')) ?? '';
          expect(placeholders(text), id).toEqual(placeholders(original));
        }
      }
    }
  });

  it('follows the system language unless the grown-ups chose one', () => {
    expect(resolveLanguage('auto', ['es-MX', 'en-US'])).toBe('es');
    expect(resolveLanguage('auto', ['fr-FR', 'en-GB'])).toBe('en');
    expect(resolveLanguage('auto', ['de-DE'])).toBe('en');
    expect(resolveLanguage('en', ['es-ES'])).toBe('en');
  });
});

describe('what the effects tell the child', () => {
  it('speaks to a child: short sentences, no technical words', () => {
    for (const [code, message] of Object.entries(en.backgrounds.notice)) {
      expect(message.length, code).toBeGreaterThan(10);
      for (const sentence of message.split(/[.!?]/)) expect(sentence.trim().split(' ').length, code).toBeLessThanOrEqual(14);
      expect(message, code).not.toMatch(/gpu|cpu|delegate|segment|resolution|frame|error|webgl|model/i);
    }
  });

  it('says so when the room becomes visible', () => {
    expect(en.backgrounds.notice['effects-turned-off']).toMatch(/see your room/);
    expect(en.backgrounds.notice['effects-unavailable']).toMatch(/see your room/);
  });
});
