import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pinnedElectronVersion, VENDORED_TYPES, vendoredTypesProblem } from './types';

describe('the vendored Electron typings', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-electron-types-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  function project(pin: string, typesHeader: string | null): string {
    const root = fs.mkdtempSync(path.join(scratch, 'p-'));
    fs.mkdirSync(path.join(root, 'build'));
    fs.writeFileSync(path.join(root, 'build', 'package.json'), JSON.stringify({ devDependencies: { electron: pin } }));
    if (typesHeader !== null) {
      fs.mkdirSync(path.dirname(path.join(root, VENDORED_TYPES)), { recursive: true });
      fs.writeFileSync(path.join(root, VENDORED_TYPES), `${typesHeader}\n// Project: http://electronjs.org/\n`);
    }
    return root;
  }

  it('are those of the Electron version build/package.json pins', () => {
    expect(vendoredTypesProblem()).toBeNull();
    expect(Number(pinnedElectronVersion().split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  it('say what to run when the pin moved, the file is missing or the pin is a range', () => {
    const moved = project('46.0.0', '// Type definitions for Electron 45.5.0');
    expect(vendoredTypesProblem(moved)).toBe(
      'desktop/types/electron.d.ts is for Electron 45.5.0 but build/package.json pins 46.0.0; run npm run electron:types',
    );
    expect(vendoredTypesProblem(project('45.5.0', null))).toBe(
      'desktop/types/electron.d.ts is missing; run npm run electron:types',
    );
    expect(() => vendoredTypesProblem(project('^45.5.0', '// Type definitions for Electron 45.5.0'))).toThrow(
      'build/package.json must pin electron to one exact version (found ^45.5.0)',
    );
    expect(vendoredTypesProblem(project('45.5.0', '// Type definitions for Electron 45.5.0'))).toBeNull();
  });
});
