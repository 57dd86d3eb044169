import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { PermissionRequest, WebContents } from 'electron';
import { CHANNEL_NAMES, ipcChannelName } from '@hearth/common';
import { buildCsp } from './csp';
import { createMainWindow, mainWindowOptions, secureWebPreferences } from './window-options';
import { createPermissionCheckHandler, createPermissionRequestHandler } from './permissions';
import { createRequestFilter } from './request-filter';
import { hardenWebContents } from './navigation';
import { createRendererProtocolHandler } from './renderer-protocol';
import { resolveStaticPath } from './static-files';
import { registerIpc } from './ipc-bridge';
import { createEventHub } from '../services/event-hub';
import type { Handlers } from '../ipc/handlers';

const APP = 'app://hearth';
const RELAY = 'http://127.0.0.1:8787';
const contents = {} as WebContents;

describe('window factory', () => {
  it('sandboxes the renderer: context isolation on, Node off everywhere, no webview', () => {
    const prefs = secureWebPreferences('/app/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(mainWindowOptions('/p.cjs').webPreferences).toEqual(secureWebPreferences('/p.cjs'));
  });

  it('creates the window with those options, loads the app page and shows it when ready', () => {
    const win = { loadURL: vi.fn(async () => undefined), once: vi.fn((_e: string, l: () => void) => l()), show: vi.fn() };
    const create = vi.fn(() => win);
    createMainWindow({ create, preloadPath: '/p.cjs', startUrl: `${APP}/index.html` });
    expect(create).toHaveBeenCalledWith(mainWindowOptions('/p.cjs'));
    expect(win.loadURL).toHaveBeenCalledWith(`${APP}/index.html`);
    expect(win.show).toHaveBeenCalled();
  });
});

describe('content security policy', () => {
  it('allows scripts and wasm from the app only, and network to the app and the relay only', () => {
    const csp = buildCsp({ relayOrigin: RELAY });
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['connect-src']).toEqual(["'self'", RELAY, 'ws://127.0.0.1:8787']);
    expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives['media-src']).toEqual(["'self'", 'blob:']);
    expect(directives['worker-src']).toEqual(["'self'", 'blob:']);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain('*');
  });

  it('uses wss for an https relay, and only its origin', () => {
    expect(buildCsp({ relayOrigin: 'https://relay.example.org/some/path' })).toContain(
      "connect-src 'self' https://relay.example.org wss://relay.example.org;",
    );
  });
});

describe('permission handler', () => {
  const request = (over: Partial<PermissionRequest> & { mediaTypes?: ('video' | 'audio')[] }): PermissionRequest =>
    ({ requestingUrl: `${APP}/index.html`, isMainFrame: true, ...over }) as PermissionRequest;
  const ask = (permission: string, details: PermissionRequest): boolean => {
    let granted: boolean | undefined;
    createPermissionRequestHandler(APP)(contents, permission, (g) => (granted = g), details);
    return granted as boolean;
  };

  it('grants camera and microphone to the app’s own page', () => {
    expect(ask('media', request({ mediaTypes: ['video', 'audio'] }))).toBe(true);
    expect(ask('media', request({ mediaTypes: ['audio'] }))).toBe(true);
  });

  it('refuses them to any other origin or a sub-frame', () => {
    expect(ask('media', request({ requestingUrl: 'https://evil.example/', mediaTypes: ['video'] }))).toBe(false);
    expect(ask('media', request({ requestingUrl: 'file:///etc/passwd', mediaTypes: ['video'] }))).toBe(false);
    expect(ask('media', request({ requestingUrl: RELAY, mediaTypes: ['video'] }))).toBe(false);
    expect(ask('media', request({ isMainFrame: false, mediaTypes: ['video'] }))).toBe(false);
  });

  it('refuses every other permission, even to the app', () => {
    for (const p of ['geolocation', 'notifications', 'display-capture', 'usb', 'hid', 'clipboard-read', 'openExternal', 'midi']) {
      expect(ask(p, request({})), p).toBe(false);
    }
    expect(ask('media', request({ mediaTypes: [] }))).toBe(false);
  });

  it('answers permission checks by the same rule', () => {
    const check = createPermissionCheckHandler(APP);
    expect(check(contents, 'media', APP)).toBe(true);
    expect(check(contents, 'media', 'https://evil.example')).toBe(false);
    expect(check(contents, 'geolocation', APP)).toBe(false);
  });
});

describe('request filter', () => {
  const filter = createRequestFilter({ appOrigin: APP, relayOrigin: RELAY });
  it('lets the app, in-memory data and the relay through', () => {
    for (const url of [
      `${APP}/index.html`,
      'data:image/png;base64,AA',
      'blob:app://hearth/1234',
      `${RELAY}/v1/policy`,
      'ws://127.0.0.1:8787/v1/ws',
    ]) {
      expect(filter({ url }), url).toEqual({ cancel: false });
    }
  });
  it('blocks every other host, including look-alikes of the relay', () => {
    for (const url of [
      'https://www.google-analytics.com/collect',
      'https://storage.googleapis.com/mediapipe-assets/x.tflite',
      'http://127.0.0.1:9999/',
      'http://localhost:8787/v1/policy',
      'https://127.0.0.1:8787/',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(filter({ url }), url).toEqual({ cancel: true });
    }
  });
});

describe('navigation', () => {
  it('denies navigation away from the app, new windows and webviews', () => {
    const listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const fake = {
      on: (name: string, l: (event: { preventDefault: () => void }, url?: string) => void) => listeners.set(name, l),
      setWindowOpenHandler: (h: () => { action: string }) => (openHandler = h),
    };
    hardenWebContents(fake as never, APP);
    const fire = (name: string, url?: string): boolean => {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)?.(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', `${APP}/index.html#/friends`)).toBe(false);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });
});

describe('renderer protocol', () => {
  it('serves files under the build folder with the CSP, never outside it', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-renderer-'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Hearth</title>');
    fs.writeFileSync(path.join(root, 'app.js'), 'export {}');
    const handle = createRendererProtocolHandler({ rootDir: root, csp: buildCsp({ relayOrigin: RELAY }) });
    const js = await handle(new Request(`${APP}/app.js`));
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(await (await handle(new Request(`${APP}/friends/123`))).text()).toContain('<title>Hearth</title>');
    expect(resolveStaticPath(root, '/../../etc/passwd')).toBeNull();
    expect(resolveStaticPath(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStaticPath(root, '/%E0%A4%A')).toBeNull();
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('Electron IPC bridge', () => {
  it('serves every channel to the app’s page only, and forwards events to the window', async () => {
    const registered = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: (channel: string, h: (event: unknown, args: unknown) => Promise<unknown>) => registered.set(channel, h),
      removeHandler: (channel: string) => registered.delete(channel),
    };
    const handlers = Object.fromEntries(
      CHANNEL_NAMES.map((c) => [c, vi.fn(async () => ({ ok: true, value: c }))]),
    ) as unknown as Handlers;
    const hub = createEventHub(() => null);
    const sent: [string, unknown][] = [];
    const off = registerIpc({ ipcMain: ipcMain as never, handlers, events: hub, appOrigin: APP }, () => ({
      send: (channel, payload) => sent.push([channel, payload]),
      isDestroyed: () => false,
    }));
    expect([...registered.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannelName).sort());
    const getPolicy = registered.get(ipcChannelName('getPolicy'));
    expect(await getPolicy?.({ senderFrame: { url: `${APP}/index.html` } }, {})).toEqual({ ok: true, value: 'getPolicy' });
    expect(await getPolicy?.({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    hub.emit('friendsChanged', {});
    expect(sent).toEqual([['hearth-event:friendsChanged', {}]]);
    off();
    expect(registered.size).toBe(0);
  });
});
