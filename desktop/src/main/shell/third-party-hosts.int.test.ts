import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type IpcResult } from '@hearth/common';
import type { Handlers } from '../ipc/handlers';
import { silentLogger } from '../logging/logger';
import { createEventHub } from '../services/event-hub';
import { startWebHost, type WebHost } from '../web-host/web-host';
import { APP_ORIGIN } from './app-origin';
import { buildCsp } from './csp';
import { cspAllowsConnect } from './csp-match';
import { createRequestFilter } from './request-filter';

const RELAY = 'http://127.0.0.1:8787';
/** Where tasks-vision 1.x posts its usage logs (seen in its bundle; checked below). */
const MEDIAPIPE_TELEMETRY = 'https://odml.pa.googleapis.com/v1/log';

/** Every absolute https URL written into the tasks-vision bundle the renderer ships. */
function urlsInTasksVision(): string[] {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@mediapipe/tasks-vision', { paths: [process.cwd()] });
  const bundle = fs.readFileSync(path.join(path.dirname(main), 'vision_bundle.mjs'), 'utf8');
  return [...new Set(bundle.match(/https:\/\/[a-zA-Z0-9.-]+(?:\/[a-zA-Z0-9._/-]*)?/g) ?? [])];
}

let host: WebHost;
let staticDir: string;

beforeAll(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-3p-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Hearth</title>');
  const ok = async (): Promise<IpcResult<unknown>> => ({ ok: true, value: {} });
  host = await startWebHost({
    handlers: Object.fromEntries(CHANNEL_NAMES.map((c) => [c, ok])) as unknown as Handlers,
    events: createEventHub(() => null),
    staticDir,
    relayOrigin: RELAY,
    logger: silentLogger(),
  });
});
afterAll(async () => {
  await host.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

describe('MediaPipe’s usage logging and every other third-party host', () => {
  const targets = [MEDIAPIPE_TELEMETRY, ...urlsInTasksVision()];

  it('finds the telemetry endpoint in the tasks-vision bundle we ship', () => {
    expect(urlsInTasksVision()).toContain(MEDIAPIPE_TELEMETRY);
  });

  it('is blocked by the Electron shell’s CSP, which still lets the relay through', () => {
    const csp = buildCsp({ relayOrigin: RELAY });
    expect(cspAllowsConnect(csp, APP_ORIGIN, `${RELAY}/v1/policy`)).toBe(true);
    expect(cspAllowsConnect(csp, APP_ORIGIN, 'ws://127.0.0.1:8787/peerjs')).toBe(true);
    for (const url of targets) expect(cspAllowsConnect(csp, APP_ORIGIN, url), url).toBe(false);
  });

  it('is blocked by the CSP the web host serves with the page', async () => {
    const res = await fetch(host.url);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(cspAllowsConnect(csp, host.origin, `${RELAY}/v1/policy`)).toBe(true);
    expect(cspAllowsConnect(csp, host.origin, `ws://127.0.0.1:${host.port}/bridge`)).toBe(true);
    for (const url of targets) expect(cspAllowsConnect(csp, host.origin, url), url).toBe(false);
  });

  it('is cancelled by the Electron shell’s request filter', () => {
    const filter = createRequestFilter({ appOrigin: APP_ORIGIN, relayOrigin: RELAY });
    expect(filter({ url: `${RELAY}/v1/policy` })).toEqual({ cancel: false });
    for (const url of targets) expect(filter({ url }), url).toEqual({ cancel: true });
  });

  it('would be noticed: a CSP that allowed Google’s host fails the check', () => {
    const leaky = buildCsp({ relayOrigin: RELAY, extraConnect: ['https://odml.pa.googleapis.com'] });
    expect(cspAllowsConnect(leaky, APP_ORIGIN, MEDIAPIPE_TELEMETRY)).toBe(true);
  });
});
