import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

describe('finding the Electron binary', () => {
  it('is null when the package has no binary (never downloads one)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-electron-'));
    expect(findElectronBinary(dir, {})).toBeNull();
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir, {})).toBeNull();
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(dir, {})).toBe(path.join(dir, 'dist', 'electron'));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
