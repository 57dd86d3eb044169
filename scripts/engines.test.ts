import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineRefusals } from './engines';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORKSPACES = ['common', 'common/sqlite', 'relay-server', 'desktop', 'scripts/test-kit'];

describe('engines', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-engines-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  function install(relative: string, manifest: object): void {
    const dir = path.join(scratch, relative);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  }

  it('installs nothing whose engines.node refuses the Node running the tests (npm ci’s EBADENGINE)', () => {
    const dirs = [path.join(ROOT, 'node_modules'), ...WORKSPACES.map((w) => path.join(ROOT, w, 'node_modules'))];
    const refusals = engineRefusals(dirs, process.version).map(
      (r) => `${path.relative(ROOT, r.dir)} (${r.name}@${r.version}) wants Node ${r.node}`,
    );
    expect(refusals, `on Node ${process.version}`).toEqual([]);
  });

  it('finds a refusal at any depth and under a scope, and lets an unreadable range pass as npm does', () => {
    const nodeModules = path.join(scratch, 'node_modules');
    install('node_modules/plain', { name: 'plain', version: '1.0.0', engines: { node: '>=18' } });
    install('node_modules/@scope/newer', { name: '@scope/newer', version: '2.0.0', engines: { node: '>=22.12.0' } });
    install('node_modules/plain/node_modules/deep', { name: 'deep', version: '3.0.0', engines: { node: '>= 22' } });
    install('node_modules/odd', { name: 'odd', version: '1.0.0', engines: { node: 'any you like' } });
    install('node_modules/none', { name: 'none', version: '1.0.0' });
    const found = engineRefusals([nodeModules], 'v20.19.0').map((r) => `${r.name}@${r.version} ${r.node}`);
    expect(found.sort()).toEqual(['@scope/newer@2.0.0 >=22.12.0', 'deep@3.0.0 >= 22']);
    expect(engineRefusals([nodeModules], 'v22.12.0')).toEqual([]);
  });
});
