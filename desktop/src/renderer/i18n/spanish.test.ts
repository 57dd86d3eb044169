/**
 * The Spanish is for children across Latin America and Spain alike: tú for the one reading,
 * ustedes (never vosotros) for several people, no word only Spain uses, and no pronoun written
 * with a capital in the middle of a sentence ("Una foto de Tú").
 */
import { describe, expect, it } from 'vitest';
import type { MessageView } from '@hearth/common';
import { mediaLabel } from '../screens/chat/AttachmentView';
import { createI18n } from './create-i18n';
import { resources } from './resources';

/** Every leaf of a catalog as [key, sentence]. */
function leaves(node: unknown, prefix = ''): [string, string][] {
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

/** Every Spanish sentence of every namespace, as [`namespace:key`, sentence]. */
const SPANISH: readonly [string, string][] = Object.entries(resources.es).flatMap(([ns, catalog]) =>
  leaves(catalog).map(([key, text]): [string, string] => [`${ns}:${key}`, text]),
);

/** Words that only Spain uses (or that read badly elsewhere), with what to write instead. */
const SPAIN_ONLY: Readonly<Record<string, string>> = {
  ordenador: 'computadora',
  ordenadores: 'computadoras',
  vale: 'de acuerdo',
  móvil: 'celular, teléfono',
  móviles: 'celulares, teléfonos',
  guay: 'genial',
  pegatina: 'sticker',
  pegatinas: 'stickers',
  vídeo: 'video',
  vídeos: 'videos',
  coger: 'tomar, usar',
  cogido: 'en uso, tomado',
  cogida: 'en uso, tomada',
  coge: 'toma',
  tarta: 'pastel',
  zumo: 'jugo',
  vosotros: 'ustedes',
  vosotras: 'ustedes',
  vuestro: 'su, de ustedes',
  vuestra: 'su, de ustedes',
  vuestros: 'sus, de ustedes',
  vuestras: 'sus, de ustedes',
  os: 'les, los, las',
  sois: 'son',
  vais: 'van',
  dais: 'dan',
  veis: 'ven',
};

/** Words that look like a vosotros form but are not. */
const NOT_VOSOTROS = new Set([
  'dieciséis',
  'veintiséis',
  'país',
  'anís',
  'caos',
  'red',
  'pared',
  'sed',
  'usted',
  'césped',
  'huésped',
]);

/**
 * Why `word` (lower case) is a vosotros form, or null: the present, the subjunctive and the future
 * (-áis, -éis, -ís), the preterite (-asteis, -isteis), the imperfect (-abais, -íais) and the
 * imperative (-ad, -ed, -id, and -aos with a pronoun); nouns in -dad, -tad and -ud are not verbs.
 */
function vosotrosForm(word: string): string | null {
  if (NOT_VOSOTROS.has(word)) return null;
  if (/(asteis|isteis)$/.test(word)) return 'preterite';
  if (/(abais|íais)$/.test(word)) return 'imperfect';
  if (/(áis|éis|ís)$/.test(word)) return 'present, subjunctive or future';
  if (/(ad|ed|id)$/.test(word) && !/(dad|tad|ud)$/.test(word)) return 'imperative';
  if (/aos$/.test(word)) return 'imperative with a pronoun';
  return null;
}

/** Personal pronouns and possessives, by language, that take a capital only at a sentence's start. */
const PRONOUNS: Readonly<Record<'es' | 'en', readonly string[]>> = {
  es: [
    'Tú',
    'Tu',
    'Tus',
    'Te',
    'Ti',
    'Yo',
    'Mi',
    'Mis',
    'Me',
    'Él',
    'Ella',
    'Ellos',
    'Ellas',
    'Usted',
    'Ustedes',
    'Nosotros',
    'Su',
    'Sus',
  ],
  en: ['You', 'Your', 'Me', 'My', 'He', 'She', 'They', 'Them', 'We', 'Us', 'Our'],
};

/** The pronouns in `text` written with a capital after a word in lower case (mid-sentence). */
function caseSlips(text: string, lang: 'es' | 'en'): string[] {
  const pronoun = new RegExp(`([\\p{L}\\d]+)([,;:]?)\\s+(${PRONOUNS[lang].join('|')})(?![\\p{L}])`, 'gu');
  return [...text.matchAll(pronoun)]
    .filter((m) => /[\p{Ll}\d]$/u.test(m[1] ?? ''))
    .map((m) => `${m[1] ?? ''}${m[2] ?? ''} ${m[3] ?? ''}`);
}

/** `text` holds `word` as a word of its own, with its case. */
const hasWord = (text: string, word: string): boolean => new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'u').test(text);

/** The words of a sentence, in lower case, without its `{{placeholders}}` (`{{os}}` is no Spanish word). */
const words = (text: string): string[] =>
  text
    .replace(/\{\{\w+\}\}/g, ' ')
    .toLowerCase()
    .match(/\p{L}+/gu) ?? [];

describe('the Spanish', () => {
  it('uses no word that only Spain uses', () => {
    const found = SPANISH.flatMap(([key, text]) =>
      words(text)
        .filter((w) => w in SPAIN_ONLY)
        .map((w) => `${key}: “${w}” (write “${SPAIN_ONLY[w] ?? ''}”)`),
    );
    expect(found).toEqual([]);
  });

  it('speaks to several people with ustedes, never vosotros', () => {
    const found = SPANISH.flatMap(([key, text]) =>
      words(text).flatMap((w) => {
        const form = vosotrosForm(w);
        return form ? [`${key}: “${w}” (${form})`] : [];
      }),
    );
    expect(found).toEqual([]);
  });

  it('writes no pronoun with a capital in the middle of a sentence, in either language', () => {
    const found = Object.entries(resources).flatMap(([lang, namespaces]) =>
      Object.entries(namespaces).flatMap(([ns, catalog]) =>
        leaves(catalog).flatMap(([key, text]) =>
          caseSlips(text, lang as 'es' | 'en').map((slip) => `${lang}:${ns}:${key}: “${slip}”`),
        ),
      ),
    );
    expect(found).toEqual([]);
  });

  it('names the child’s own photos and messages in a sentence of their own, not with the label “You”', () => {
    const photo = { kind: 'photo', attachment: { hash: 'a'.repeat(64) } } as unknown as Parameters<typeof mediaLabel>[1];
    const voice = { kind: 'voice', durationMs: 4_000, attachment: { hash: 'b'.repeat(64) } } as unknown as Extract<
      MessageView['content'],
      { kind: 'voice' }
    >;
    const video = { kind: 'video', durationMs: 65_000, attachment: { hash: 'c'.repeat(64) } } as unknown as Extract<
      MessageView['content'],
      { kind: 'video' }
    >;
    for (const lang of ['es', 'en'] as const) {
      const { t } = createI18n(lang);
      const labels = [photo, voice, video].flatMap((c) => [mediaLabel(t, c, null), mediaLabel(t, c, 'Leo')]);
      for (const label of labels) expect(caseSlips(label, lang), label).toEqual([]);
      expect(
        labels.some((l) => hasWord(l, t('chat.you'))),
        labels.join(' | '),
      ).toBe(false);
    }
    expect(mediaLabel(createI18n('es').t, photo, null)).toBe('Una foto que enviaste');
    expect(mediaLabel(createI18n('es').t, photo, 'Leo')).toBe('Una foto de Leo');
  });

  it('finds what it refuses (the checks themselves)', () => {
    expect(
      ['dijisteis', 'seáis', 'estéis', 'podréis', 'hablasteis', 'mirad', 'sentaos', 'vivís', 'jugabais'].map(vosotrosForm),
    ).not.toContain(null);
    expect(['amistad', 'edad', 'privacidad', 'usted', 'dieciséis', 'país', 'juntos', 'salud'].map(vosotrosForm)).toEqual(
      Array(8).fill(null),
    );
    expect(caseSlips('Una foto de Tú', 'es')).toEqual(['de Tú']);
    expect(caseSlips('Tú, con tu fondo. Tu amigo te ve.', 'es')).toEqual([]);
    expect(caseSlips('A photo from You', 'en')).toEqual(['from You']);
  });
});
