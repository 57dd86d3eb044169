/** Finding things on screen by the words a person reads, in the PC's language. */
import type { Locator, Page } from 'playwright-core';
import { en } from '@hearth/desktop/renderer/i18n/en';
import { es } from '@hearth/desktop/renderer/i18n/es';
import { capture, type AxeProblem } from './screens';

export type Lang = 'en' | 'es';
const CATALOGS: Readonly<Record<Lang, unknown>> = { en, es };

/**
 * The sentence a person sees for `key` in `lang`, with {{placeholders}} filled in; a value left out
 * throws (a test looking for a raw `{{name}}` would find the very bug it should catch).
 */
export function say(lang: Lang, key: string, vars: Readonly<Record<string, string | number>> = {}): string {
  let node: unknown = CATALOGS[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no ${lang} text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`no value for {{${name}}} in ${lang} ${key}`);
    return String(value);
  });
}

/** One PC's window, with its language and the accessibility problems of the screens seen so far. */
export type Window = Readonly<{
  page: Page;
  lang: Lang;
  problems: AxeProblem[];
  /** Saves the screen as a picture and checks it with axe-core. */
  shot: (name: string) => Promise<void>;
  /** Waits for a screen by its data-screen name. */
  screen: (name: string) => Promise<void>;
  /** A button whose name is exactly this text. */
  button: (key: string, vars?: Readonly<Record<string, string | number>>) => Locator;
  /** A big choice button whose name starts with this text (it has a line of explanation too). */
  choice: (key: string) => Locator;
  field: (key: string, vars?: Readonly<Record<string, string | number>>) => Locator;
  text: (key: string, vars?: Readonly<Record<string, string | number>>) => string;
}>;

export function windowFor(page: Page, lang: Lang, prefix: string): Window {
  const problems: AxeProblem[] = [];
  return {
    page,
    lang,
    problems,
    shot: async (name) => {
      problems.push(...(await capture(page, `${prefix}-${name}`)));
    },
    screen: async (name) => {
      await page.locator(`[data-screen="${name}"]`).waitFor({ timeout: 20_000 });
    },
    button: (key, vars) => page.getByRole('button', { name: say(lang, key, vars), exact: true }),
    choice: (key) => page.getByRole('button', { name: say(lang, key) }),
    field: (key, vars) => page.getByLabel(say(lang, key, vars), { exact: true }),
    text: (key, vars) => say(lang, key, vars),
  };
}
