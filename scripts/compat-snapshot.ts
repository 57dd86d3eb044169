/**
 * Writes the JSON snapshot of what this app version reads from the relay (`APP_READS` in
 * common/src/compat), as `common/compat/v<version>.json`: `npx tsx scripts/compat-snapshot.ts`.
 * Until the version is tagged (`v<version>`) the snapshot follows the app: run this again after
 * any change to what it reads (relay-server/src/compat/table.test.ts says when). Once the tag
 * exists the version is released and its snapshot never changes; this refuses to rewrite it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { APP_READS, APP_VERSION } from '@hearth/common';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const version = APP_VERSION;
const tag = `v${version}`;
const file = path.join(root, 'common', 'compat', `${tag}.json`);

function tagged(): boolean {
  try {
    execFileSync('git', ['-C', root, 'rev-parse', '-q', '--verify', `${tag}^{commit}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (tagged() && !process.argv.includes('--force')) {
  console.error(
    `${version} is released (the tag ${tag} exists): its snapshot is never rewritten. Bump the app's minor version for a change to what it reads.`,
  );
  process.exit(1);
}
fs.mkdirSync(path.dirname(file), { recursive: true });
const options = (await prettier.resolveConfig(file)) ?? {};
// Written as Prettier would write it, so `npm run lint` and the snapshot agree byte for byte.
const text = await prettier.format(JSON.stringify({ version, reads: APP_READS }), { ...options, filepath: file });
const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
fs.writeFileSync(file, text);
console.log(`${before === undefined ? 'wrote' : before === text ? 'unchanged:' : 'rewrote'} ${path.relative(root, file)}`);
