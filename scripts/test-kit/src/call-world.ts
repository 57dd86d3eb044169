/**
 * Tests and the benchmark only: a world for calls end to end. One relay; per child, a desktop
 * core behind its own web host serving the calls harness page, and its own Chromium with a fake
 * camera showing a person. Families are set up through the IPC contract (the same handlers the
 * page uses), so only the call UI is driven in the browser.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { createHearthClient, type HearthApi } from '@hearth/common';
import { silentLogger } from '@hearth/desktop/main/logging/logger';
import { launchWebHostApp } from '@hearth/desktop/main/web-host/launch';
import type { RelayConfig } from '@hearth/relay-server/config';
import { launchChromium } from './chromium';
import { befriend, directTransport, must, RELAY_PASSWORD, setUpFamily, TEST_PASSWORD } from './desktop';
import { createClosers, settleAll } from './closers';
import { makeFakeCamera, type FakeCamera } from './fake-camera';
import { bridgeApi, startPcProcess } from './pc-processes';
import { startTestRelay, type TestRelay } from './relay';
import { startRelayProcess } from './relay-process';

const DESKTOP_ROOT = fileURLToPath(new URL('../../../desktop', import.meta.url));
const HARNESS_ROOT = path.join(DESKTOP_ROOT, 'src/renderer/calls/harness');

/** Which page a child's browser opens: the real app, or the calls harness (tests' and the benchmark's handles). */
export type CallPageKind = 'app' | 'harness';

/** Builds the real renderer (the app every child uses) into `outDir`. */
export async function buildAppRenderer(outDir: string): Promise<string> {
  await build({ configFile: path.join(DESKTOP_ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Builds the calls harness page into `outDir` (emptied first). */
export async function buildCallsHarness(outDir: string): Promise<string> {
  await build({
    configFile: false,
    root: HARNESS_ROOT,
    base: './',
    logLevel: 'warn',
    publicDir: false,
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'chrome130', sourcemap: false, reportCompressedSize: false },
  });
  return outDir;
}

/** Chromium as TESTING.md says, with the fake camera playing `cameraFile`. */
export function launchCallChromium(cameraFile: string, proxyUrl?: string, executablePath?: string): Promise<Browser> {
  return launchChromium({
    cameraFile,
    ...(executablePath ? { executablePath } : {}),
    ...(proxyUrl ? { proxyUrl } : {}),
    extraArgs: [
      '--disable-features=WebRtcHideLocalIpsWithMdns',
      // Two browsers share two cores: keep hidden pages from being throttled.
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
    ],
  });
}

/** One child at one PC: the core and web host, the contract, the browser and the page. */
export type CallKid = Readonly<{
  name: string;
  kind: CallPageKind;
  childId: string;
  /** The parent's relay account (to sign in again for approvals). */
  parentEmail: string;
  /** The page of this child's PC (web host URL with its token). */
  url: string;
  api: HearthApi;
  browser: Browser;
  page: Page;
  /** Every request the page made (to check nothing leaves the machine). */
  requests: string[];
  /** Console errors and CSP reports of the page. */
  consoleErrors: string[];
}>;

export type CallWorld = Readonly<{
  relayUrl: string;
  harnessDir: string;
  cameraFile: string;
  kids: readonly CallKid[];
  /** The in-process relay (null when it runs in its own process), e.g. to let it look at quiet time now. */
  relay: TestRelay | null;
  /** Another PC and child with its browser on its page (no friends yet). */
  addKid: (name: string, options?: Readonly<{ page?: CallPageKind }>) => Promise<CallKid>;
  close: () => Promise<void>;
}>;

export type CallWorldOptions = Readonly<{
  /** Folder for the harness build, the camera file and the data folders. */
  workDir: string;
  /** Children to make, each on their own PC; consecutive pairs become friends. */
  names: readonly string[];
  /** The page their browsers open. Default the calls harness. */
  page?: CallPageKind;
  /** How long a call rings before it is missed. Default: the product's 30 s. */
  ringTimeoutMs?: number;
  /** The grown-ups' relay-only setting on every PC. Default false (no TURN server here). */
  relayOnlyCalls?: boolean;
  relayConfig?: Partial<RelayConfig>;
  /**
   * The relay and each PC in their own processes, as in real life (each with its own event loop),
   * instead of all in this one. `relayConfig` then does not apply. Default false.
   */
  processes?: boolean;
  /** More environment for the relay process (`processes` only), e.g. its TURN settings (HEARTH_TURN_URLS…). */
  relayEnv?: Readonly<Record<string, string>>;
  /** Chromium's proxy for non-loopback requests (see egress.ts). Default none. */
  proxyUrl?: string;
  /** The relay's clock (in-process relay only), for tests that move it (quiet time). Default the real one. */
  relayNow?: () => number;
}>;

/** What the harness page puts on `window` (typed fully in the renderer's harness). */
type HarnessGlobal = { callHarness?: { service: { view(): { signaling: string } } } };

/** Waits until the page's call service is connected to the relay's signaling. */
export async function waitForCallsOnline(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (globalThis as unknown as HarnessGlobal).callHarness?.service.view().signaling === 'online',
    undefined,
    { timeout: 20_000 },
  );
}

/** Opens a kid's page and waits until it is ready to call (the harness: signaling online; the app: its home). */
async function openPage(kid: CallKid, url: string): Promise<void> {
  await kid.page.goto(url);
  if (kid.kind === 'harness') await waitForCallsOnline(kid.page);
  else await kid.page.locator('[data-screen="kid-home"]').waitFor({ timeout: 20_000 });
}

export async function openCallWorld(options: CallWorldOptions): Promise<CallWorld> {
  const defaultPage = options.page ?? 'harness';
  // Everything this world starts, closed newest first by `close()`, or at once when a step fails.
  const opened = createClosers();
  const startRelay: Promise<Readonly<{ url: string; dispose: () => Promise<void>; test?: TestRelay }>> = options.processes
    ? startRelayProcess(path.join(options.workDir, 'relay'), options.relayEnv).then((r) => ({ url: r.url, dispose: r.stop }))
    : startTestRelay(options.relayConfig ?? {}, options.relayNow ? { now: options.relayNow } : {}).then((r) => ({
        url: r.url,
        dispose: r.dispose,
        test: r,
      }));
  let built: [string, string | null, FakeCamera, Readonly<{ url: string; dispose: () => Promise<void>; test?: TestRelay }>];
  try {
    built = await settleAll([
      buildCallsHarness(path.join(options.workDir, 'harness')),
      defaultPage === 'app' ? buildAppRenderer(path.join(options.workDir, 'app')) : Promise.resolve(null),
      makeFakeCamera(path.join(options.workDir, 'camera')),
      startRelay.then((r) => opened.add(r, r.dispose)),
    ]);
  } catch (error) {
    await opened.closeAll(); // e.g. the camera file failed while the relay was starting
    throw error;
  }
  const [harnessDir, appDir, camera, relay] = built;
  const kids: CallKid[] = [];

  const setUpKid = async (name: string, kind: CallPageKind): Promise<CallKid> => {
    const rendererDir = kind === 'app' ? appDir : harnessDir;
    if (!rendererDir) throw new Error('the app renderer was not built for this world');
    const dataDir = path.join(options.workDir, 'data', `${name}-${kids.length}`);
    let url: string;
    let api: HearthApi;
    if (options.processes) {
      const pc = await startPcProcess({
        relayUrl: relay.url,
        dataDir,
        rendererDir,
        ...(options.ringTimeoutMs !== undefined ? { ringTimeoutMs: options.ringTimeoutMs } : {}),
      });
      opened.add(pc, pc.stop);
      const bridge = await bridgeApi(pc.url);
      opened.add(bridge, () => bridge.close());
      url = pc.url;
      api = bridge.api;
    } else {
      const app = await launchWebHostApp({
        relayUrl: relay.url,
        dataDir,
        rendererDir,
        appVersion: '0.1.0-e2e',
        logger: silentLogger(),
        ...(options.ringTimeoutMs !== undefined ? { callRingTimeoutMs: options.ringTimeoutMs } : {}),
      });
      opened.add(app, () => app.close());
      url = app.host.url;
      api = createHearthClient(directTransport(app.core));
    }
    const child = await setUpFamily(api, name);
    must(await api.updateSettings({ relayOnlyCalls: options.relayOnlyCalls ?? false }));
    // A children's PC keeps the grown-ups' pane locked; the child is at the PC.
    must(await api.lock());
    must(await api.selectProfile({ childId: child.childId }));
    const browser = await launchCallChromium(camera.y4m, options.proxyUrl);
    opened.add(browser, () => browser.close());
    const page = await browser.newPage();
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    const kid: CallKid = {
      name,
      kind,
      childId: child.childId,
      parentEmail: child.parentEmail,
      url,
      api,
      browser,
      page,
      requests,
      consoleErrors,
    };
    kids.push(kid);
    return kid;
  };

  const addKid = async (name: string, o: Readonly<{ page?: CallPageKind }> = {}): Promise<CallKid> => {
    const kid = await setUpKid(name, o.page ?? defaultPage);
    await openPage(kid, kid.url);
    return kid;
  };

  try {
    for (const name of options.names) await setUpKid(name, defaultPage);
    for (let i = 0; i + 1 < kids.length; i += 2) {
      const [a, b] = [kids[i] as CallKid, kids[i + 1] as CallKid];
      await befriendKids(a, b);
    }
    await Promise.all(kids.map((k) => openPage(k, k.url)));
  } catch (error) {
    await opened.closeAll();
    throw error;
  }

  return {
    relayUrl: relay.url,
    harnessDir,
    cameraFile: camera.y4m,
    kids,
    relay: relay.test ?? null,
    addKid,
    close: opened.closeAll,
  };
}

/**
 * Makes two children of two families friends through the contract: code, redeem, confirm, both
 * parents approve (each pane unlocked for its approval, then locked again).
 */
export async function befriendKids(a: CallKid, b: CallKid): Promise<void> {
  for (const k of [a, b]) {
    must(await k.api.unlock({ password: TEST_PASSWORD }));
    // Locking forgot the parent's relay session: sign in again for the approval.
    if (!must(await k.api.getLockStatus()).parentSignedIn) {
      must(await k.api.signInParent({ email: k.parentEmail, password: RELAY_PASSWORD }));
    }
  }
  await befriend(a.api, a.childId, b.api, b.childId);
  for (const k of [a, b]) must(await k.api.lock());
}
