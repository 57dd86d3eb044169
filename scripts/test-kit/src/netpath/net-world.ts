/**
 * Tests and benchmarks only: calls on impaired networks. The relay and a userspace UDP stage in
 * front of TURN listen on the host's address; each child's PC (its desktop core with web host,
 * and its Chromium) runs in its own network namespace, so its only way out is its veth. Calls are
 * relay-only (the app's default), and the relay hands out only the stage's TURN URL, over UDP:
 * all media passes the stage, which impairs each PC's packets as its path says.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { WebSocket } from 'ws';
import {
  type BridgeServerFrame,
  createHearthClient,
  WEB_BRIDGE_PATH,
  type EventName,
  type HearthApi,
  type IpcResult,
} from '@hearth/common';
import { buildCallsHarness, launchCallChromium, waitForCallsOnline } from '../call-world';
import { CHROMIUM_PATH } from '../chromium';
import { createClosers } from '../closers';
import { befriend, must, RELAY_PASSWORD, setUpFamily, TEST_PASSWORD } from '../desktop';
import { makeFakeCamera } from '../fake-camera';
import { startTestRelay } from '../relay';
import type { Impairment } from './impairment';
import { createNamespaces, type NsPc } from './namespaces';
import { startUdpStage, type UdpStage } from './udp-stage';
import type { NsPcOptions } from './ns-pc-process';

const REPO_ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const PC_ENTRY = fileURLToPath(new URL('./ns-pc-process.ts', import.meta.url));

/** coturn on the host's loopback (scripts/coturn.ts), which the stage fronts. */
export type LoopbackTurn = Readonly<{ url: string; secret: string }>;

export type NetKid = Readonly<{
  name: string;
  childId: string;
  parentEmail: string;
  pc: NsPc;
  /** The contract through the PC's bridge (reconnects after an outage or an address change). */
  api: HearthApi;
  browser: Browser;
  page: Page;
  /** The PC's web host page (inside its namespace). */
  url: string;
  /** Impairs this PC's media both ways (its TURN traffic); kept across address changes. */
  setPath: (p: Readonly<{ up?: Impairment; down?: Impairment }>) => void;
  /** The PC's address changes (its path's impairment moves with it). */
  changeAddress: () => string;
}>;

export type NetWorld = Readonly<{
  kids: readonly NetKid[];
  stage: UdpStage;
  /** The built calls harness (its bare PeerJS mode serves the benchmark's baseline). */
  harnessDir: string;
  close: () => Promise<void>;
}>;

export type NetWorldOptions = Readonly<{
  workDir: string;
  names: readonly string[];
  turn: LoopbackTurn;
  ringTimeoutMs?: number;
  seed?: number;
}>;

/** Starts the PC's process inside its namespace; resolves with its page URL and the forward port. */
async function startNsPc(
  pc: NsPc,
  options: NsPcOptions,
): Promise<Readonly<{ url: string; forward: number; child: ChildProcess }>> {
  const child = spawn(
    pc.exec[0]!,
    [...pc.exec.slice(1), process.execPath, '--import', 'tsx', PC_ENTRY, JSON.stringify(options)],
    {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the PC process did not start: ${errors}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+) (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, forward: Number(m[2]), child });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the PC process exited with ${String(code)}: ${errors}`));
    });
  });
}

const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });

/**
 * The PC's bridge from the host, through its forward (the web host checks the Host and Origin
 * headers, which name its loopback address). A dropped socket is opened again at the next call.
 */
function nsBridge(pc: NsPc, pageUrl: string, forward: number): Readonly<{ api: HearthApi; close: () => void }> {
  const page = new URL(pageUrl);
  let ws: WebSocket | null = null;
  /** The PC's address the socket was opened to (after an address change it is dead). */
  let openedTo = '';
  let opening: Promise<WebSocket> | null = null;
  const pending = new Map<number, (r: IpcResult<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  const open = (): Promise<WebSocket> => {
    if (ws && ws.readyState === WebSocket.OPEN && openedTo === pc.ip()) return Promise.resolve(ws);
    ws?.terminate();
    ws = null;
    opening ??= new Promise<WebSocket>((resolve, reject) => {
      openedTo = pc.ip();
      const socket = new WebSocket(`ws://${pc.ip()}:${forward}${WEB_BRIDGE_PATH}?token=${page.searchParams.get('token') ?? ''}`, {
        origin: page.origin,
        headers: { host: page.host },
      });
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as BridgeServerFrame;
        if ('id' in frame) {
          pending.get(frame.id)?.(frame.result as IpcResult<unknown>);
          pending.delete(frame.id);
        } else for (const l of [...(listeners.get(frame.event) ?? [])]) l(frame.payload);
      });
      socket.once('open', () => {
        ws = socket;
        resolve(socket);
      });
      socket.once('error', reject);
    }).finally(() => {
      opening = null;
    });
    return opening;
  };
  /** One request; a socket that does not answer in time (its link was cut for a while) is replaced once. */
  const request = async (channel: string, args: unknown, retry: boolean): Promise<IpcResult<unknown>> => {
    const socket = await open();
    const id = nextId++;
    const answer = new Promise<IpcResult<unknown> | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), retry ? 5_000 : 30_000);
      pending.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
    socket.send(JSON.stringify({ id, channel, args }));
    const result = await answer;
    pending.delete(id);
    if (result) return result;
    if (!retry) throw new Error(`the PC's bridge did not answer ${channel}`);
    if (ws === socket) {
      socket.terminate();
      ws = null;
    }
    return request(channel, args, false);
  };
  const api = createHearthClient({
    invoke: (channel, args) => request(channel, args, true) as never,
    subscribe: (event: EventName, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
  return { api, close: () => ws?.close() };
}

export async function openNetWorld(options: NetWorldOptions): Promise<NetWorld> {
  const opened = createClosers();
  try {
    const nets = createNamespaces();
    opened.add(nets, () => nets.close());
    const turnPort = Number(/:(\d+)\?/.exec(options.turn.url)?.[1]);
    const stage = await startUdpStage({
      listenHost: nets.hostIp,
      upstream: { host: '127.0.0.1', port: turnPort },
      seed: options.seed ?? 1,
    });
    opened.add(stage, () => stage.close());
    const relay = await startTestRelay({
      host: nets.hostIp,
      ice: {
        stunUrls: [],
        turnUrls: [`turn:${nets.hostIp}:${stage.port}?transport=udp`],
        turnSecret: options.turn.secret,
        turnTtlSeconds: 3600,
        transportPolicy: 'relay',
      },
    });
    opened.add(relay, () => relay.dispose());
    const [harnessDir, camera] = await Promise.all([
      buildCallsHarness(path.join(options.workDir, 'harness')),
      makeFakeCamera(path.join(options.workDir, 'camera')),
    ]);
    const kids: NetKid[] = [];
    for (const name of options.names) {
      const pc = nets.addPc(name);
      const started = await startNsPc(pc, {
        relayUrl: relay.url,
        dataDir: path.join(options.workDir, 'data', `${name}-${kids.length}`),
        rendererDir: harnessDir,
        ...(options.ringTimeoutMs !== undefined ? { ringTimeoutMs: options.ringTimeoutMs } : {}),
      });
      opened.add(started.child, () => stopChild(started.child));
      const bridge = nsBridge(pc, started.url, started.forward);
      opened.add(bridge, () => bridge.close());
      const api = bridge.api;
      const child = await setUpFamily(api, name);
      must(await api.lock());
      must(await api.selectProfile({ childId: child.childId }));
      // Chromium inside the PC's namespace: a wrapper Playwright starts (it keeps its pipes).
      const wrapper = path.join(options.workDir, `chromium-${pc.ns}.sh`);
      await writeFile(wrapper, `#!/bin/sh\nexec ${pc.exec.join(' ')} ${CHROMIUM_PATH} "$@"\n`, { mode: 0o755 });
      const browser = await launchCallChromium(camera.y4m, undefined, wrapper);
      opened.add(browser, () => browser.close());
      const page = await browser.newPage();
      let impaired: Readonly<{ up?: Impairment; down?: Impairment }> = {};
      kids.push({
        name,
        childId: child.childId,
        parentEmail: child.parentEmail,
        pc,
        api,
        browser,
        page,
        url: started.url,
        setPath: (p) => {
          impaired = { ...impaired, ...p };
          stage.setPath(pc.ip(), p);
        },
        changeAddress: () => {
          const fresh = pc.changeAddress();
          stage.setPath(fresh, impaired);
          return fresh;
        },
      });
    }
    for (let i = 0; i + 1 < kids.length; i += 2) {
      const [a, b] = [kids[i]!, kids[i + 1]!];
      for (const k of [a, b]) {
        must(await k.api.unlock({ password: TEST_PASSWORD }));
        if (!must(await k.api.getLockStatus()).parentSignedIn) {
          must(await k.api.signInParent({ email: k.parentEmail, password: RELAY_PASSWORD }));
        }
      }
      await befriend(a.api, a.childId, b.api, b.childId);
      for (const k of [a, b]) must(await k.api.lock());
    }
    await Promise.all(
      kids.map(async (k) => {
        await k.page.goto(k.url);
        await waitForCallsOnline(k.page);
      }),
    );
    return { kids, stage, harnessDir, close: opened.closeAll };
  } catch (error) {
    await opened.closeAll();
    throw error;
  }
}
