import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGE_LIMITS } from '@hearth/common';
import { api, befriend, buildTestApp, createFamily, type TestRelay } from '../../test/helpers';
import { connect, listenForWs, newMessageId, type ErrorFrame, type TestSocket } from '../../test/ws-client';

let relay: TestRelay;
let url: string;
let socket: TestSocket;
let friendId: string;

beforeEach(async () => {
  relay = await buildTestApp();
  url = await listenForWs(relay.app);
  const a = await createFamily(relay.app);
  const b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
  friendId = b.child.childId;
  socket = await connect(url, a.childToken);
});

afterEach(async () => {
  await socket.close();
  await relay.close();
});

const nextError = (): Promise<ErrorFrame> => socket.take<ErrorFrame>((f) => f.type === 'error');

describe('bad frames', () => {
  it('answers each kind of bad frame with an error frame and a stable code', async () => {
    socket.send('this is not json');
    expect(await nextError()).toMatchObject({ code: 'MALFORMED_REQUEST' });
    socket.send('[1,2,3]');
    expect(await nextError()).toMatchObject({ code: 'MALFORMED_REQUEST' });
    socket.send({ type: 'teleport' });
    expect(await nextError()).toMatchObject({ code: 'VALIDATION_FAILED' });
    socket.send({ type: 'presence', state: 'invisible' });
    expect(await nextError()).toMatchObject({ code: 'VALIDATION_FAILED' });
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await nextError()).toMatchObject({ code: 'MALFORMED_REQUEST' });

    const id = newMessageId();
    socket.send({ type: 'send', id, to: friendId, content: { kind: 'text', text: 'x'.repeat(MESSAGE_LIMITS.textMaxChars + 1) } });
    expect(await nextError()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', ref: id });
    socket.send({ type: 'send', id, to: friendId, content: { kind: 'sticker', stickerId: 'cat', extra: 1 } });
    expect(await nextError()).toMatchObject({ code: 'VALIDATION_FAILED', ref: id });
    socket.send({ type: 'send', id: 'not-a-ulid', to: friendId, content: { kind: 'text', text: 'hi' } });
    expect(await nextError()).not.toHaveProperty('ref');

    // Still open and still working after eight bad frames.
    socket.send({ type: 'ping' });
    await socket.take((f) => f.type === 'pong');
  });

  it('closes a socket after ten bad frames; the relay keeps serving everyone else', async () => {
    for (let i = 0; i < 10; i++) socket.send(`{ broken ${i}`);
    expect((await socket.closed).code).toBe(4400);
    expect(socket.frames.filter((f) => f.type === 'error')).toHaveLength(10);
    expect((await api(relay.app, 'GET', '/health')).status).toBe(200);
    const b = await createFamily(relay.app);
    const other = await connect(url, b.childToken);
    await other.close();
  });

  it('answers frames that arrive together in the order they came, a good one before a bad one', async () => {
    for (let i = 0; i < 3; i++) {
      socket.send({ type: 'ping' });
      socket.send('{ broken');
    }
    await socket.take((f) => f.type === 'error');
    await socket.take((f) => f.type === 'error');
    await socket.take((f) => f.type === 'error');
    const order = socket.frames.filter((f) => f.type === 'pong' || f.type === 'error').map((f) => f.type);
    expect(order).toEqual(['pong', 'error', 'pong', 'error', 'pong', 'error']);
  });

  it('survives garbage of every shape without crashing', async () => {
    const garbage = [
      'null',
      '0',
      '"text"',
      '{}',
      '{"type":null}',
      '{"type":"send"}',
      '{"type":"received","ids":[]}',
      '{"type":"hello","token":"dc_aaaaaaaaaaaaaaaaaaaa"}',
    ];
    for (const g of garbage) socket.send(g);
    for (let i = 0; i < garbage.length; i++) await nextError();
    socket.send({ type: 'ping' });
    await socket.take((f) => f.type === 'pong');
  });
});
