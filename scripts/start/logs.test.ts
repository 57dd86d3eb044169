import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLogFile, sweepOldLogs } from './logs';

const DAY = 24 * 60 * 60 * 1000;

describe('npm start’s log files', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-logs-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('write one dated file per day under the folder, created on first use', async () => {
    const dir = path.join(scratch, 'new', 'logs');
    const log = await openLogFile(dir, 'relay');
    log.write('{"msg":"hello"}\n');
    await log.close();
    const today = new Date();
    const stamp = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(path.basename(log.file())).toBe(`relay.${stamp}.1.log`);
    expect(fs.readFileSync(log.file(), 'utf8')).toBe('{"msg":"hello"}\n');
  });

  it('delete the files 7 days old or older, and only log files', () => {
    const dir = fs.mkdtempSync(path.join(scratch, 'sweep-'));
    const now = Date.now();
    const files: Record<string, number> = {
      'relay.old.1.log': now - 7 * DAY,
      'relay.older.1.log': now - 30 * DAY,
      'relay.recent.1.log': now - 6 * DAY,
      'notes.txt': now - 30 * DAY,
    };
    for (const [name, mtime] of Object.entries(files)) {
      fs.writeFileSync(path.join(dir, name), 'x');
      fs.utimesSync(path.join(dir, name), mtime / 1000, mtime / 1000);
    }
    expect(sweepOldLogs(dir, now).sort()).toEqual(['relay.old.1.log', 'relay.older.1.log']);
    expect(fs.readdirSync(dir).sort()).toEqual(['notes.txt', 'relay.recent.1.log']);
  });

  it('are swept when opened', async () => {
    const dir = fs.mkdtempSync(path.join(scratch, 'open-'));
    const stale = path.join(dir, 'web-host-desktop.2020-01-01.1.log');
    fs.writeFileSync(stale, 'x');
    fs.utimesSync(stale, (Date.now() - 8 * DAY) / 1000, (Date.now() - 8 * DAY) / 1000);
    const log = await openLogFile(dir, 'web-host-desktop');
    await log.close();
    expect(fs.existsSync(stale)).toBe(false);
  });
});
