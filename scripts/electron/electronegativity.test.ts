import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALLOW_LIST, buildShell, scan, unexpected } from './electronegativity';

describe('Electronegativity over the built Electron shell', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-electronegativity-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('finds nothing outside the allow-list in desktop/dist', { timeout: 180_000 }, async () => {
    const dist = await buildShell(scratch);
    expect(fs.existsSync(path.join(dist, 'main', 'index.js'))).toBe(true);
    expect(fs.existsSync(path.join(dist, 'preload', 'index.cjs'))).toBe(true);
    const findings = await scan(dist);
    expect(unexpected(findings)).toEqual([]);
    expect(ALLOW_LIST.length).toBeLessThanOrEqual(3);
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
