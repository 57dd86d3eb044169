/** Every literal key the renderer passes to t() has an English sentence. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../src/renderer/i18n/en';

const RENDERER = path.resolve(import.meta.dirname, '..', 'src', 'renderer');
// Folders whose screens are translated here (calls and effects keep their own words).
const TRANSLATED = ['app', 'screens', 'ui', 'App.tsx'];

function sources(entry: string): string[] {
  const full = path.join(RENDERER, entry);
  if (fs.statSync(full).isFile()) return [full];
  return fs
    .readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'))
    .map((f) => path.join(full, f));
}

function has(key: string): boolean {
  let node: unknown = en;
  for (const part of key.split('.')) {
    const obj = node as Record<string, unknown>;
    node = obj[part] ?? obj[`${part}_one`];
  }
  return typeof node === 'string';
}

describe('the renderer’s words', () => {
  it('has an English sentence for every literal key it uses', () => {
    const missing: string[] = [];
    let found = 0;
    for (const file of TRANSLATED.flatMap(sources)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
        const key = m[1] ?? '';
        found += 1;
        if (key.includes('.') && !has(key)) missing.push(`${path.relative(RENDERER, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(found).toBeGreaterThan(150);
  });
});
