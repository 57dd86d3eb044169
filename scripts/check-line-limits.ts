/**
 * STYLE.md's size rule for style sheets: no non-test `.css` file over 400 lines (ESLint's
 * `max-lines` holds `.ts`/`.tsx`). Run by `npm run lint`; exits 1 and names each file over.
 */
import fs from 'node:fs';
import path from 'node:path';

const MAX_LINES = 400;
const ROOT = path.resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', '.tsbuild', '.git', 'artifacts', 'coverage']);

function* cssFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* cssFiles(full);
    else if (entry.name.endsWith('.css') && !entry.name.includes('.test.')) yield full;
  }
}

/** Lines as an editor counts them (a final newline ends the last line, it does not start one). */
function lineCount(file: string): number {
  const text = fs.readFileSync(file, 'utf8');
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

const over = [...cssFiles(ROOT)]
  .map((file) => ({ file: path.relative(ROOT, file), lines: lineCount(file) }))
  .filter((f) => f.lines > MAX_LINES);
for (const f of over) console.error(`${f.file}: ${f.lines} lines (at most ${MAX_LINES}; split it by area)`);
process.exitCode = over.length > 0 ? 1 : 0;
