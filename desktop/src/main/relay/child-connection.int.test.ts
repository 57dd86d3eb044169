import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { APP_VERSION, type WsClientFrame } from '@hearth/common';
import { silentLogger } from '../logging/logger';
import { createEventHub } from '../services/event-hub';
import { createChildStores, type ChildStores } from '../stores/child-stores';
import { waitFor } from '@hearth/test-kit/ports';
import { createChildConnection, type ChildConnection } from './child-connection';
import { createRelayVersions } from './relay-versions';
import { createQuietTracker } from './quiet-tracker';

const ME = '01J00000000000000000000KXD';
const FRIEND = '01J0000000000000000000FRND';
const NUDGE = '01J0000000000000000000NDGE';
const MOVE = '01J00000000000000000000MVE';

let stores: ChildStores | undefined;
let server: WebSocketServer | undefined;
let conn: ChildConnection | undefined;
let dir = '';
afterEach(async () => {
  conn?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  stores?.closeAll();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A stand-in for a relay newer than this app (no relay of today sends these): its frames have
 * fields this app does not know, a frame type and a message kind it does not know.
 */
async function newerRelay(
  onClientFrame: (f: WsClientFrame) => void,
): Promise<{ url: string; upgradeVersion: () => string | undefined }> {
  let upgradeVersion: string | undefined;
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket: WebSocket, request) => {
    upgradeVersion = request.headers['hearth-app-version'] as string | undefined;
    socket.on('message', (data) => onClientFrame(JSON.parse(data.toString()) as WsClientFrame));
    const limits = { attachmentMaxBytes: 1, messageTtlMs: 1, messagesPerMinute: 1, storageQuotaBytes: 9 };
    socket.send(JSON.stringify({ type: 'welcome', accountId: ME, accountKind: 'child', presence: [], limits, region: 'eu' }));
    socket.send(JSON.stringify({ type: 'nudge', id: NUDGE, from: FRIEND }));
    socket.send(
      JSON.stringify({
        type: 'message',
        message: { id: MOVE, from: FRIEND, to: ME, sentAt: 5, content: { kind: 'game-move', move: 'e4' } },
      }),
    );
    socket.send(JSON.stringify({ type: 'weather', sky: 'blue' }));
  });
  await new Promise<void>((resolve) => server!.once('listening', () => resolve()));
  const { port } = server.address() as { port: number };
  return { url: `ws://127.0.0.1:${port}/v1/ws`, upgradeVersion: () => upgradeVersion };
}

describe('a child’s socket to a newer relay', () => {
  it('reads the frames it knows despite new fields, and acknowledges those it cannot read that carry an id', async () => {
    const received: WsClientFrame[] = [];
    const relay = await newerRelay((f) => received.push(f));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-child-conn-'));
    stores = createChildStores({ dataDir: dir });
    const store = stores.get(ME);
    let welcomed = false;
    conn = createChildConnection(
      {
        wsUrl: relay.url,
        policy: { initialDelayMs: 50, maxDelayMs: 100, idleTimeoutMs: 10_000 },
        versions: createRelayVersions(),
      },
      (send) => ({
        childId: ME,
        db: store.db,
        attachmentsDir: store.attachmentsDir,
        token: () => 'dc_test_token_000000',
        blobs: { upload: () => Promise.reject(new Error('offline')), download: () => Promise.reject(new Error('offline')) },
        events: createEventHub(() => ME),
        now: () => 1_000,
        log: silentLogger(),
        send,
        presence: new Map(),
        refreshContacts: async () => {
          welcomed = true;
        },
        ackTimeoutMs: 1_000,
        quiet: createQuietTracker(),
        becomeDevice: async () => undefined,
        credentialRefused: () => undefined,
      }),
    );
    conn.start();
    await waitFor(() => conn?.state() === 'online' && welcomed, 5_000, 'the welcome was read');
    const acked = await waitFor(() => {
      const ids = received.flatMap((f) => (f.type === 'received' ? f.ids : []));
      return ids.length >= 2 ? ids : null;
    });
    expect(acked.sort()).toEqual([MOVE, NUDGE].sort());
    expect(relay.upgradeVersion()).toBe(APP_VERSION);
  });
});
