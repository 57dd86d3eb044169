import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadHosts, nodeRefusals, preflight } from './package';
import { ROOT } from './vendor-schema';

const NODE_OK = 'v22.12.0';

describe('npm run package: what it checks before installing build/', () => {
  let server: http.Server;
  let answering = '';
  let closed = '';
  const asked: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    answering = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    // A port that was just free: nothing answers there.
    const gone = http.createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    closed = `http://127.0.0.1:${(gone.address() as AddressInfo).port}/`;
    await new Promise<void>((resolve) => gone.close(() => resolve()));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const mirrors = (electron: string, binaries = answering) => ({
    npm_config_registry: answering,
    ELECTRON_MIRROR: electron,
    ELECTRON_BUILDER_BINARIES_MIRROR: binaries,
  });

  it('names the Node floor that build/’s own packages declare (Electron’s installer, the @electron tools)', async () => {
    const names = nodeRefusals('v20.19.0').map((r) => r.name);
    expect(names.slice(0, 3).sort()).toEqual(['@electron/fuses', '@electron/rebuild', 'electron']);
    expect(nodeRefusals(NODE_OK)).toEqual([]);
    const sentence = await preflight({ env: mirrors(answering), nodeVersion: 'v20.19.0', platform: 'linux' });
    expect(sentence).toMatch(/^Node v20\.19\.0 is below the Node 22\.12\.0 that .*electron 45\.5\.0.*build\/ is not installed/);
    expect(sentence?.split('. ').length).toBe(1);
  });

  it('says which download does not answer, with a new enough Node', async () => {
    const electronDown = await preflight({ env: mirrors(closed), nodeVersion: NODE_OK, platform: 'linux' });
    expect(electronDown).toMatch(/^Electron 45\.5\.0 cannot be fetched from 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    const toolsDown = await preflight({ env: mirrors(answering, closed), nodeVersion: NODE_OK, platform: 'darwin' });
    expect(toolsDown).toMatch(/^electron-builder's tools \(NSIS, WiX, fpm, appimagetool\) cannot be fetched/);
    expect(asked).toContain('HEAD /v45.5.0/SHASUMS256.txt');
  });

  it('goes on where everything answers, and stops first on a signing set twice or an unknown platform', async () => {
    expect(await preflight({ env: mirrors(answering), nodeVersion: NODE_OK, platform: 'win32' })).toBeNull();
    const twice = { ...mirrors(answering), WIN_CSC_LINK: 'c.pfx', HEARTH_AZURE_SIGN_ENDPOINT: 'https://x' };
    expect(await preflight({ env: twice, nodeVersion: 'v20.19.0', platform: 'win32' })).toMatch(/Windows signing is set twice/);
    expect(await preflight({ env: mirrors(answering), nodeVersion: NODE_OK, platform: 'freebsd' })).toMatch(/not on freebsd/);
    expect(downloadHosts({}).map((h) => new URL(h.url).host)).toEqual(['registry.npmjs.org', 'github.com', 'github.com']);
  });

  it('here, stops with one sentence before installing build/ (Node below 22.12, or no download host)', () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    // On a Node new enough to go on, point Electron's download at nothing, so it stops here all the same.
    if (semver.gte(process.version, NODE_OK)) Object.assign(env, { ELECTRON_MIRROR: closed });
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join('scripts', 'package', 'package.ts')], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^package: package:check passed; (Node v\S+ is below|Electron).*so build\/ is not installed/);
    expect(fs.existsSync(path.join(ROOT, 'build', 'node_modules'))).toBe(false);
  });
});
