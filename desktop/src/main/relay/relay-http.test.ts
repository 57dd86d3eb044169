import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { HearthError } from '@hearth/common';
import { createRelayHttp } from './relay-http';
import { createRelayVersions } from './relay-versions';

const ID = '01J00000000000000000000KXD';

/** Answers as a newer relay might: the given status and body, with version headers. */
function newerRelay(status: number, body: unknown, min = '0.1.0'): typeof fetch {
  return async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'hearth-api-version': '7', 'hearth-min-app-version': min },
    });
}

async function failure(promise: Promise<unknown>): Promise<HearthError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof HearthError) return err;
  }
  throw new Error('expected a HearthError');
}

describe('reading a newer relay', () => {
  it('ignores fields it does not know and hands on only what it knows', async () => {
    const relay = createRelayHttp({
      baseUrl: 'http://relay.test',
      fetch: newerRelay(200, { kind: 'parent', parentId: ID, email: 'a@b.cd', displayName: 'Ann', plan: 'family', prefs: {} }),
    });
    expect(await relay.me('ps_token_000000000000')).toEqual({
      kind: 'parent',
      parentId: ID,
      email: 'a@b.cd',
      displayName: 'Ann',
    });
  });

  it('still refuses an answer that is wrong in what it knows (INTERNAL, never a crash)', async () => {
    const relay = createRelayHttp({ baseUrl: 'http://relay.test', fetch: newerRelay(200, { version: 42 }) });
    expect((await failure(relay.policy('en'))).code).toBe('INTERNAL');
  });

  it('turns an error code it does not know into INTERNAL, which the UI tells as its general sentence', async () => {
    const relay = createRelayHttp({
      baseUrl: 'http://relay.test',
      fetch: newerRelay(507, { error: { code: 'TOO_MANY_GAMES', message: 'Your family plays a lot.' } }),
    });
    const err = await failure(relay.listChildren('ps_token_000000000000'));
    expect(err.code).toBe('INTERNAL');
    expect(err.details).toMatchObject({ relayCode: 'TOO_MANY_GAMES', status: 507 });
  });

  it('hears APP_TOO_OLD and the relay’s versions, and forgets "too old" once served again', async () => {
    const versions = createRelayVersions();
    const seen: boolean[] = [];
    versions.onChange((s) => seen.push(s.updateNeeded));
    const old = createRelayHttp({
      baseUrl: 'http://relay.test',
      versions,
      fetch: newerRelay(426, { error: { code: 'APP_TOO_OLD', message: 'Please update Hearth.' } }, '9.0.0'),
    });
    expect((await failure(old.policy('en'))).code).toBe('APP_TOO_OLD');
    expect(versions.status()).toMatchObject({ updateNeeded: true, minAppVersion: '9.0.0', relayApiVersion: 7 });
    const served = createRelayHttp({
      baseUrl: 'http://relay.test',
      versions,
      fetch: newerRelay(200, { version: '2026-11-01', publishedAt: '2026-11-01', lang: 'en', text: 'Words.', changes: '' }),
    });
    await served.policy('en');
    expect(versions.status()).toMatchObject({ updateNeeded: false, minAppVersion: '0.1.0' });
    expect(seen).toEqual([false, true, false]); // heard the versions, then too old, then served
  });

  it('takes a relay without /v1/version as API version 1', async () => {
    const relay = createRelayHttp({
      baseUrl: 'http://relay.test',
      fetch: newerRelay(404, { error: { code: 'NOT_FOUND', message: 'No route' } }),
    });
    expect(await relay.version()).toBeNull();
    const versions = createRelayVersions();
    versions.learned(null);
    expect(versions.status()).toMatchObject({ relayApiVersion: 1 });
    expect(versions.offersKind('text')).toBe(true);
    expect(versions.offersKind('game-move')).toBe(false);
    // Nor does it pass `call-ice` (an ICE restart would count as a bad frame there): the app sends none.
    expect(versions.offersFeature('call-ice')).toBe(false);
    versions.learned({ apiVersion: 2, minAppVersion: '0.1.0', messageKinds: ['text'], features: ['call-ice'] });
    expect(versions.offersFeature('call-ice')).toBe(true);
    versions.learned({ apiVersion: 2, minAppVersion: '0.1.0', messageKinds: ['text'], features: [] });
    expect(versions.offersFeature('call-ice')).toBe(false);
  });
});

/**
 * A relay behind a real socket that, like one that restarted under the app's kept-alive
 * connections, drops the connection of each of its first `drops` requests unanswered.
 */
async function restartingRelay(drops: number): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  const body = JSON.stringify({ version: '2026-11-01', publishedAt: '2026-11-01', lang: 'en', text: 'Words.', changes: '' });
  let requests = 0;
  const server = net.createServer((socket) => {
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString();
      while (buffered.includes('\r\n\r\n')) {
        buffered = buffered.slice(buffered.indexOf('\r\n\r\n') + 4);
        requests++;
        if (requests <= drops) {
          socket.destroy();
          return;
        }
        socket.write(
          `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: keep-alive\r\n\r\n${body}`,
        );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('a relay that closes connections unanswered (it restarted under kept-alive connections)', () => {
  it('asks again on a fresh connection instead of saying the relay cannot be reached', async () => {
    const relay = await restartingRelay(2);
    try {
      expect((await createRelayHttp({ baseUrl: relay.url }).policy('en')).text).toBe('Words.');
      expect(relay.requests()).toBe(3);
    } finally {
      await relay.close();
    }
  });

  it('gives up with UNAVAILABLE after a few tries when every connection is dropped', async () => {
    const relay = await restartingRelay(Number.POSITIVE_INFINITY);
    try {
      const err = await failure(createRelayHttp({ baseUrl: relay.url }).policy('en'));
      expect(err.code).toBe('UNAVAILABLE');
      expect(relay.requests()).toBe(4);
    } finally {
      await relay.close();
    }
  });

  it('does not ask again when nothing listens', async () => {
    const relay = await restartingRelay(0);
    await relay.close();
    const err = await failure(createRelayHttp({ baseUrl: relay.url }).policy('en'));
    expect(err.code).toBe('UNAVAILABLE');
  });
});
