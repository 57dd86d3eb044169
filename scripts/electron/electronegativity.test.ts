import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALLOW_LIST, buildShell, DESKTOP_DIST, scan, unexpected } from './electronegativity';

const UNPARSABLE = 'export class Probe {\n  #hidden = 1;\n  get shown() {\n    return this.#hidden;\n  }\n}\n';

/**
 * Puts beside the shell in desktop/dist what `npm start` or the e2e suite build there (in
 * renderer/, which this test leaves alone, as they may be building it now): JavaScript the
 * scanner cannot parse, a class private field. Gives back the folder, to take away after.
 */
function builtBeside(): string {
  const folder = path.join(DESKTOP_DIST, `electronegativity-probe-${process.pid}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'index.js'), UNPARSABLE);
  return folder;
}

describe('Electronegativity over the built Electron shell', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-electronegativity-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('finds nothing outside the allow-list in the shell, whatever else desktop/dist holds', { timeout: 180_000 }, async () => {
    const beside = builtBeside();
    try {
      const dist = await buildShell(scratch);
      expect(fs.existsSync(path.join(beside, 'index.js'))).toBe(true);
      expect(fs.readdirSync(dist).sort()).toEqual(['main', 'preload']);
      expect(fs.existsSync(path.join(dist, 'main', 'index.js'))).toBe(true);
      expect(fs.existsSync(path.join(dist, 'preload', 'index.cjs'))).toBe(true);
      const findings = await scan(dist);
      expect(unexpected(findings)).toEqual([]);
      expect(ALLOW_LIST.length).toBeLessThanOrEqual(3);
    } finally {
      fs.rmSync(beside, { recursive: true, force: true });
    }
  });

  it('calls a file it cannot parse a finding, never skips it', { timeout: 120_000 }, async () => {
    const unparsable = path.join(scratch, 'unparsable');
    fs.mkdirSync(unparsable);
    fs.writeFileSync(path.join(unparsable, 'index.js'), UNPARSABLE);
    expect(unexpected(await scan(unparsable)).map((f) => f.id)).toContain('PARSE_ERROR');
  });

  it('fails on an unsafe window, so the scan can fail', { timeout: 120_000 }, async () => {
    const unsafe = path.join(scratch, 'unsafe');
    fs.mkdirSync(unsafe);
    fs.writeFileSync(
      path.join(unsafe, 'main.js'),
      "const { BrowserWindow } = require('electron');\n" +
        'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });\n',
    );
    const ids = unexpected(await scan(unsafe)).map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
  });
});
