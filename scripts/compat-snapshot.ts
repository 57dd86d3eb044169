/**
 * Writes the JSON snapshot of what this app version reads from the relay (`APP_READS` in
 * common/src/compat), as `common/compat/v<version>.json`. Run it once per released version,
 * before that version's schemas change: `npx tsx scripts/compat-snapshot.ts [version]`.
 * A snapshot is never edited afterwards; the compatibility tests read it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { APP_READS } from '@hearth/common';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'desktop', 'package.json'), 'utf8')) as { version: string };
const version = process.argv[2] ?? pkg.version;
const file = path.join(root, 'common', 'compat', `v${version}.json`);
if (fs.existsSync(file) && !process.argv.includes('--force')) {
  console.error(
    `${path.relative(root, file)} exists; a released version's snapshot is never rewritten (--force to do it anyway).`,
  );
  process.exit(1);
}
fs.mkdirSync(path.dirname(file), { recursive: true });
const options = (await prettier.resolveConfig(file)) ?? {};
// Written as Prettier would write it, so `npm run lint` and the snapshot agree byte for byte.
fs.writeFileSync(file, await prettier.format(JSON.stringify({ version, reads: APP_READS }), { ...options, filepath: file }));
console.log(`wrote ${path.relative(root, file)}`);
