/**
 * Tests and the benchmark only: each family PC as its own process (the relay's is in
 * relay-process.ts), and the IPC contract from outside a PC through its web host's bridge (what
 * the page itself uses).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import {
  type BridgeServerFrame,
  createHearthClient,
  WEB_BRIDGE_PATH,
  type EventName,
  type HearthApi,
  type IpcResult,
} from '@hearth/common';
import type { PcProcessOptions } from './pc-process';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PC_ENTRY = fileURLToPath(new URL('./pc-process.ts', import.meta.url));

export type ChildServer = Readonly<{ url: string; stop: () => Promise<void> }>;

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** A family PC (desktop core and web host) as its own process; `url` is the page to open. */
export async function startPcProcess(options: PcProcessOptions): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', PC_ENTRY, JSON.stringify(options)], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the PC process did not start: ${errors}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the PC process exited with ${String(code)}: ${errors}`));
    });
  });
  const stop = stopper(child);
  try {
    return { url: await ready, stop };
  } catch (error) {
    await stop(); // a PC that never got ready is not left behind
    throw error;
  }
}

/** The IPC contract of the PC behind `pageUrl`, carried by its web host's bridge. */
export async function bridgeApi(pageUrl: string): Promise<Readonly<{ api: HearthApi; close: () => void }>> {
  const page = new URL(pageUrl);
  const ws = new WebSocket(`ws://${page.host}${WEB_BRIDGE_PATH}?token=${page.searchParams.get('token') ?? ''}`, {
    origin: page.origin,
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const pending = new Map<number, (r: IpcResult<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as BridgeServerFrame;
    if ('id' in frame) {
      pending.get(frame.id)?.(frame.result as IpcResult<unknown>);
      pending.delete(frame.id);
    } else for (const l of [...(listeners.get(frame.event) ?? [])]) l(frame.payload);
  });
  const api = createHearthClient({
    invoke: (channel, args) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, channel, args }));
      }),
    subscribe: (event: EventName, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
  return { api, close: () => ws.close() };
}
