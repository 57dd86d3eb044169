import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelFileName, isOffered, readFeed } from './feed';
import { detectInstallType, updateBehaviour } from './install-type';
import { createUpdatesService, type UpdateInstaller, type UpdatePolicy } from './updates-service';

const SHA = 'a'.repeat(86) + '==';
function feedYml(version: string, file = `Hearth-Setup-${version}.exe`): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${SHA}`,
    '    size: 81234567',
    `path: ${file}`,
    `sha512: ${SHA}`,
    "releaseDate: '2026-12-01T10:00:00.000Z'",
    'releaseNotes: something newer electron-builder adds',
    '',
  ].join('\n');
}

/** A real HTTP server over a feed folder, the way the relay operator or IT would host it. */
let root: string;
let server: http.Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-feed-'));
  const write = (dir: string, name: string, text: string): void => {
    fs.mkdirSync(path.join(root, dir), { recursive: true });
    fs.writeFileSync(path.join(root, dir, name), text);
  };
  write('good', 'latest.yml', feedYml('0.5.0'));
  write('good', 'latest-mac.yml', feedYml('0.5.0', 'Hearth-0.5.0-mac.zip'));
  write('good', 'latest-linux.yml', feedYml('0.5.0', 'Hearth-0.5.0.AppImage'));
  write('good', 'beta-linux.yml', feedYml('0.6.0-beta.2', 'Hearth-0.6.0-beta.2.AppImage'));
  write('prerelease-in-stable', 'latest-linux.yml', feedYml('0.6.0-beta.1'));
  write('same', 'latest-linux.yml', feedYml('0.4.0'));
  write('older', 'latest-linux.yml', feedYml('0.3.9'));
  write('not-yaml', 'latest-linux.yml', 'version: [0.5.0\nfiles: {');
  write('no-files', 'latest-linux.yml', 'version: 0.5.0\nfiles: []\n');
  write('bad-version', 'latest-linux.yml', feedYml('five'));
  write('html', 'latest-linux.yml', '<html><body>Welcome to nginx</body></html>');
  write('huge', 'latest-linux.yml', `${feedYml('0.5.0')}#${'x'.repeat(70_000)}\n`);
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits.push(url.pathname);
    if (url.pathname.startsWith('/broken/')) {
      res.writeHead(503).end('down');
      return;
    }
    const file = path.join(root, path.normalize(url.pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/yaml' }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(root, { recursive: true, force: true });
});

const policy = (channel: 'stable' | 'beta', auto: boolean, locked = false): UpdatePolicy => ({
  updateChannel: { value: channel, locked },
  autoInstallUpdates: { value: auto, locked },
});

function fakeInstaller(): UpdateInstaller & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    download: async (channel) => {
      calls.push(`download:${channel}`);
    },
    installOnQuit: (on) => calls.push(`installOnQuit:${on}`),
    quitAndInstall: () => calls.push('quitAndInstall'),
  };
}

describe('the update feed', () => {
  it('names the channel files as electron-updater does', () => {
    expect(channelFileName('stable', 'win')).toBe('latest.yml');
    expect(channelFileName('stable', 'mac')).toBe('latest-mac.yml');
    expect(channelFileName('stable', 'linux')).toBe('latest-linux.yml');
    expect(channelFileName('beta', 'linux-arm64')).toBe('beta-linux-arm64.yml');
  });

  it('reads each platform’s channel file from a real server, ignoring fields it does not know', async () => {
    for (const platform of ['win', 'mac', 'linux'] as const) {
      const r = await readFeed({ feedUrl: `${base}/good`, channel: 'stable', platform });
      expect(r.ok && r.feed.version).toBe('0.5.0');
    }
    const mac = await readFeed({ feedUrl: `${base}/good/`, channel: 'stable', platform: 'mac' });
    expect(mac.ok && mac.feed.files[0]?.url).toBe('Hearth-0.5.0-mac.zip');
    expect(hits).toContain('/good/latest-mac.yml');
  });

  it('reads beta.yml on the beta channel, and the stable file where the feed has no beta one', async () => {
    const beta = await readFeed({ feedUrl: `${base}/good`, channel: 'beta', platform: 'linux' });
    expect(beta.ok && beta.feed.version).toBe('0.6.0-beta.2');
    const fallback = await readFeed({ feedUrl: `${base}/good`, channel: 'beta', platform: 'mac' });
    expect(fallback.ok && fallback.file).toBe('latest-mac.yml');
  });

  it('answers a clear code for every bad feed, never a throw', async () => {
    const problem = async (feedUrl: string | null): Promise<string> => {
      const r = await readFeed({ feedUrl, channel: 'stable', platform: 'linux', timeoutMs: 3000 });
      return r.ok ? 'ok' : r.problem;
    };
    expect(await problem(null)).toBe('feed-not-configured');
    expect(await problem('not a url')).toBe('feed-not-configured');
    expect(await problem('file:///etc/')).toBe('feed-not-configured');
    expect(await problem(`${base}/nowhere`)).toBe('feed-not-found');
    expect(await problem(`${base}/broken`)).toBe('feed-unreachable');
    expect(await problem('http://127.0.0.1:1/')).toBe('feed-unreachable');
    for (const dir of ['not-yaml', 'no-files', 'bad-version', 'html', 'huge']) {
      expect(await problem(`${base}/${dir}`), dir).toBe('feed-invalid');
    }
  });
});

describe('version comparison', () => {
  it('offers only newer versions, and pre-releases only on the beta channel', () => {
    expect(isOffered('0.4.0', '0.5.0', 'stable')).toBe(true);
    expect(isOffered('0.4.0', '0.4.0', 'stable')).toBe(false);
    expect(isOffered('0.4.0', '0.3.9', 'stable')).toBe(false);
    expect(isOffered('0.4.0', '0.10.0', 'stable')).toBe(true);
    expect(isOffered('0.4.0', '0.5.0-beta.1', 'stable')).toBe(false);
    expect(isOffered('0.4.0', '0.5.0-beta.1', 'beta')).toBe(true);
    expect(isOffered('0.5.0-beta.1', '0.5.0', 'beta')).toBe(true);
    expect(isOffered('0.5.0', '0.5.0-beta.9', 'beta')).toBe(false);
  });
});

describe('the updates service', () => {
  const make = (dir: string, p: UpdatePolicy, installer?: UpdateInstaller, installType = 'appimage' as const) =>
    createUpdatesService({
      currentVersion: '0.4.0',
      feedUrl: `${base}/${dir}`,
      platform: 'linux',
      installType,
      policy: p,
      ...(installer ? { installer } : {}),
      now: () => 1_000,
    });

  it('with automatic installs off, says a new version is ready and installs only when a grown-up chooses', async () => {
    const installer = fakeInstaller();
    const s = make('good', policy('stable', false, true), installer);
    const st = await s.check();
    expect(st).toMatchObject({
      state: 'available',
      available: { version: '0.5.0' },
      autoInstall: false,
      autoInstallLocked: true,
    });
    expect(installer.calls).toEqual([]);
    expect(s.postpone()).toMatchObject({ postponed: true, state: 'available' });
    expect(installer.calls).toEqual([]);
    expect(await s.installNow()).toMatchObject({ state: 'ready' });
    expect(installer.calls).toEqual(['download:stable', 'installOnQuit:false', 'quitAndInstall']);
  });

  it('with automatic installs on, downloads by itself and installs when the app quits', async () => {
    const installer = fakeInstaller();
    const s = make('good', policy('stable', true), installer);
    await s.check();
    await new Promise((r) => setTimeout(r, 10));
    expect(s.status().state).toBe('ready');
    expect(installer.calls).toEqual(['download:stable', 'installOnQuit:true']);
  });

  it('follows the channel the policy pins: a stable machine is not offered a beta', async () => {
    expect((await make('good', policy('beta', false, true)).check()).available?.version).toBe('0.6.0-beta.2');
    const stable = await make('prerelease-in-stable', policy('stable', false, true)).check();
    expect(stable).toMatchObject({ state: 'up-to-date', available: null, channel: 'stable', channelLocked: true });
    expect((await make('same', policy('stable', false)).check()).state).toBe('up-to-date');
    expect((await make('older', policy('stable', false)).check()).state).toBe('up-to-date');
  });

  it('where IT or the distribution installs, only says a version is ready and never downloads', async () => {
    for (const type of ['deb', 'rpm', 'msi', 'pkg'] as const) {
      const installer = fakeInstaller();
      const s = make('good', policy('stable', true), installer, type as never);
      expect(await s.check()).toMatchObject({ state: 'available', installedBy: 'it', autoInstall: false });
      expect(await s.installNow()).toMatchObject({ problem: 'install-not-here' });
      expect(installer.calls).toEqual([]);
    }
  });

  it('turns a bad feed or a failed download into a problem code, and keeps running', async () => {
    expect(await make('not-yaml', policy('stable', false)).check()).toMatchObject({
      state: 'error',
      problem: 'feed-invalid',
      checkedAt: 1000,
    });
    const failing: UpdateInstaller = {
      download: async () => Promise.reject(new Error('sha512 mismatch')),
      installOnQuit: () => undefined,
      quitAndInstall: () => undefined,
    };
    const s = make('good', policy('stable', false), failing);
    await s.check();
    expect(await s.installNow()).toMatchObject({ state: 'error', problem: 'download-failed' });
  });
});

describe('install types', () => {
  const facts = {
    platform: 'linux' as NodeJS.Platform,
    arch: 'x64',
    packaged: true,
    env: {},
    packageType: null,
    hasNsisUninstaller: false,
    hasPkgReceipt: false,
  };
  it('tells each install type and who updates it', () => {
    expect(detectInstallType({ ...facts, env: { APPIMAGE: '/home/a/Hearth.AppImage' } })).toBe('appimage');
    expect(detectInstallType({ ...facts, packageType: 'deb\n' })).toBe('deb');
    expect(detectInstallType({ ...facts, packageType: 'rpm' })).toBe('rpm');
    expect(detectInstallType({ ...facts, platform: 'win32', hasNsisUninstaller: true })).toBe('nsis');
    expect(detectInstallType({ ...facts, platform: 'win32' })).toBe('msi');
    expect(detectInstallType({ ...facts, platform: 'darwin', hasPkgReceipt: true })).toBe('pkg');
    expect(detectInstallType({ ...facts, platform: 'darwin' })).toBe('dmg');
    expect(detectInstallType({ ...facts, packaged: false })).toBe('unpackaged');
    expect(updateBehaviour('nsis')).toEqual({ installedBy: 'app', verifiedBy: 'authenticode-publisher' });
    expect(updateBehaviour('appimage').verifiedBy).toBe('sha512-only');
    expect(updateBehaviour('deb')).toEqual({ installedBy: 'it', verifiedBy: 'repository-signature' });
    expect(updateBehaviour('unpackaged').installedBy).toBe('nobody');
  });
});
