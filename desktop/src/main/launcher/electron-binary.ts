import fs from 'node:fs';
import path from 'node:path';

/**
 * The Electron executable the `electron` package installed, or null when there is none. Reads
 * the package's `path.txt` itself: requiring the package would try to download the binary.
 */
export function findElectronBinary(electronPackageDir: string, env: Readonly<Record<string, string | undefined>>): string | null {
  let relative: string;
  try {
    relative = fs.readFileSync(path.join(electronPackageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (relative === '') return null;
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronPackageDir, 'dist');
  const binary = path.join(dist, relative);
  return fs.existsSync(binary) ? binary : null;
}
