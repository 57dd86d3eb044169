import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WsServerFrame } from '@hearth/common';
import { DEFAULT_CONFIG } from '../config';
import { befriend, buildTestApp, createFamily, enrollDevice, type TestFamily } from '../../test/helpers';
import { createRelayProcess, type RelayProcess } from '@hearth/test-kit/relay-process';
import { deliveredCount, heldMessageCount } from '@hearth/test-kit/relay-rows';
import { APP_HEADERS, newMessageId } from '../../test/ws-client';

/**
 * Durability: the relay runs as its own process and is killed with SIGKILL at random moments
 * while several senders write to an offline recipient with two PCs. Every message whose send was
 * acknowledged must reach each of the recipient's PCs, exactly once.
 */

const SENDERS = 10;
// Within one relay lifetime a sender sends each id at most once, so this fits the default burst.
const PER_SENDER = Math.min(300, DEFAULT_CONFIG.messaging.messageBurst);
const WINDOW = 16;
const KILLS = 3;

/** A child's device that keeps every unacknowledged message and sends it again after reconnecting. */
class Sender {
  readonly ids: string[];
  readonly acked = new Set<string>();
  private readonly inFlight = new Set<string>();
  private next = 0;
  private ws: WebSocket | undefined;
  private ready = false;

  constructor(
    private readonly token: string,
    private readonly to: string,
    private readonly url: string,
  ) {
    this.ids = Array.from({ length: PER_SENDER }, () => newMessageId());
  }

  get done(): boolean {
    return this.acked.size === this.ids.length;
  }

  /** Connects (retrying while the relay is down), then sends what is unacknowledged, oldest first. */
  async connect(): Promise<void> {
    for (;;) {
      try {
        await this.open();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  private open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url, { headers: { ...APP_HEADERS, authorization: `Bearer ${this.token}` } });
      ws.once('error', reject);
      ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as WsServerFrame;
        if (frame.type === 'welcome') {
          this.ws = ws;
          this.ready = true;
          this.inFlight.clear();
          this.next = 0;
          resolve();
        } else if (frame.type === 'sent') {
          this.acked.add(frame.id);
          this.inFlight.delete(frame.id);
        } else if (frame.type === 'error') {
          // Rate limited or unavailable: send it again on the next tick.
          if (frame.ref) this.inFlight.delete(frame.ref);
          this.next = Math.min(this.next, frame.ref ? this.ids.indexOf(frame.ref) : this.next);
        }
      });
      ws.on('close', () => {
        this.ready = false;
        if (this.ws === ws) this.ws = undefined;
      });
    });
  }

  get connected(): boolean {
    return this.ready;
  }

  /** Sends one more message if the window allows (paced by the caller's timer). */
  tick(): void {
    if (!this.ready || !this.ws || this.inFlight.size >= WINDOW) return;
    while (this.next < this.ids.length) {
      const id = this.ids[this.next++] as string;
      if (this.acked.has(id) || this.inFlight.has(id)) continue;
      this.inFlight.add(id);
      this.ws.send(JSON.stringify({ type: 'send', id, to: this.to, content: { kind: 'text', text: `message ${id}` } }));
      return;
    }
  }

  close(): void {
    this.ws?.close();
  }
}

let dataDir: string;
let relay: RelayProcess;
let recipient: TestFamily;
/** The recipient's second PC. */
let recipientToken2: string;
let senders: TestFamily[];

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-durability-'));
  // Accounts and friendships are made with the relay's own code before the process starts.
  const setup = await buildTestApp({ dataDir, rateLimits: { redeemsPer10Minutes: 1000, invitesPerHour: 1000 } });
  recipient = await createFamily(setup.app);
  recipientToken2 = (await enrollDevice(setup.app, recipient.parent.token, [recipient.child.childId])).credentials[0]
    ?.token as string;
  senders = [];
  for (let i = 0; i < SENDERS; i++) {
    const family = await createFamily(setup.app);
    await befriend(setup.app, family, recipient);
    senders.push(family);
  }
  await setup.app.close();
  relay = await createRelayProcess(dataDir);
}, 60_000);

afterAll(async () => {
  await relay?.kill();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('the durable queue', () => {
  it('delivers every acknowledged message exactly once across SIGKILLs of the relay', async () => {
    await relay.start();
    const url = `ws://127.0.0.1:${relay.port}/v1/ws`;
    const clients = senders.map((s) => new Sender(s.childToken, recipient.child.childId, url));
    await Promise.all(clients.map((c) => c.connect()));
    const pacer = setInterval(() => clients.forEach((c) => c.tick()), 4);
    const ackedAtKill: number[] = [];
    const ackedCount = (): number => clients.reduce((n, c) => n + c.acked.size, 0);
    const total = SENDERS * PER_SENDER;

    try {
      for (let k = 0; k < KILLS; k++) {
        // Kill at a random moment once sending is under way again.
        const target = ackedCount() + 50 + Math.floor(Math.random() * ((total - ackedCount()) / (KILLS - k + 1)));
        while (ackedCount() < target) await new Promise((r) => setTimeout(r, 2));
        const snapshot = clients.map((c) => new Set(c.acked));
        await relay.kill();
        ackedAtKill.push(ackedCount());
        await relay.start();
        await Promise.all(clients.map((c) => (c.connected ? Promise.resolve() : c.connect())));
        // Nothing acknowledged before the kill may be lost: it is still known to the relay (a re-send is answered `sent`).
        expect(snapshot.every((s, i) => [...s].every((id) => (clients[i] as Sender).acked.has(id)))).toBe(true);
      }
      const deadline = Date.now() + 30_000;
      while (!clients.every((c) => c.done)) {
        if (Date.now() > deadline) throw new Error(`senders stuck at ${ackedCount()} of ${total}: ${relay.stderr()}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    } finally {
      clearInterval(pacer);
    }
    for (const n of ackedAtKill) expect(n).toBeGreaterThan(0);
    for (const n of ackedAtKill) expect(n).toBeLessThan(total);

    // The recipient's PCs come online one after the other; each stores everything, acknowledging as it goes.
    const receivedBy: Map<string, number>[] = [];
    for (const token of [recipient.childToken, recipientToken2]) {
      const received = new Map<string, number>();
      receivedBy.push(received);
      const ws = new WebSocket(url, { headers: { ...APP_HEADERS, authorization: `Bearer ${token}` } });
      let closedBy: string | undefined;
      ws.on('close', (code, reason) => (closedBy = `${code} ${reason.toString()}`));
      ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as WsServerFrame;
        if (frame.type !== 'message') return;
        received.set(frame.message.id, (received.get(frame.message.id) ?? 0) + 1);
        ws.send(JSON.stringify({ type: 'received', ids: [frame.message.id] }));
      });
      const deadline = Date.now() + 20_000;
      while (received.size < total && Date.now() < deadline && closedBy === undefined)
        await new Promise((r) => setTimeout(r, 20));
      expect(closedBy).toBeUndefined();
      await new Promise((r) => setTimeout(r, 300));
      ws.close();
    }
    clients.forEach((c) => c.close());

    const acked = clients.flatMap((c) => [...c.acked]);
    expect(acked).toHaveLength(total);
    for (const received of receivedBy) {
      const missing = acked.filter((id) => !received.has(id));
      expect(missing).toEqual([]);
      const twice = [...received].filter(([, n]) => n > 1);
      expect(twice).toEqual([]);
      expect(received.size).toBe(total);
    }

    // The acknowledgements of both PCs emptied the queue; each message was delivered once.
    await relay.stop();
    const db = new Database(path.join(dataDir, 'relay.sqlite'), { readonly: true });
    try {
      expect(heldMessageCount(db)).toBe(0);
      expect(deliveredCount(db)).toBe(total);
    } finally {
      db.close();
    }
  }, 60_000);
});
