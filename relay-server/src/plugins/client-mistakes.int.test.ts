import net from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ALL_ERROR_CODES } from '@hearth/common';
import { buildTestApp, registerParent, type TestParent, type TestRelay } from '../../test/helpers';
import { APP_HEADERS } from '../../test/ws-client';
import { CLIENT_MISTAKES_PER_MINUTE, createClientMistakeLog } from './client-mistakes';

type LogLine = Readonly<{ level: number; msg: string; [key: string]: unknown }>;

let relay: TestRelay;
let parent: TestParent;
let port: number;
let lines: LogLine[] = [];
const rawLines: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      rawLines.push(chunk.toString());
      lines.push(JSON.parse(chunk.toString()) as LogLine);
      done();
    },
  });
  relay = await buildTestApp({ logger: { level: 'info', stream: sink } });
  parent = await registerParent(relay.app);
  port = Number(new URL(await relay.app.listen({ host: '127.0.0.1', port: 0 })).port);
});
afterAll(async () => {
  await relay.close();
});
beforeEach(() => {
  lines = [];
  rawLines.length = 0;
});

/** Writes raw bytes on a fresh TCP connection; resolves with everything the relay sent back before it closed. */
function rawExchange(bytes: string | Buffer, options: Readonly<{ hangUpAfterMs?: number }> = {}): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(bytes);
      if (options.hangUpAfterMs !== undefined) setTimeout(() => socket.destroy(), options.hangUpAfterMs);
    });
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
    socket.on('close', () => resolve(received));
    socket.on('error', () => undefined);
  });
}

/** The status and the JSON error body of a raw HTTP answer, checked to be the relay's error shape. */
function expectRawErrorShape(answer: string, status: number, code: string): void {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
  expect(head).toMatch(/\r\ncontent-type: application\/json/i);
  const parsed = JSON.parse(body) as { error: { code: string; message: string } };
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(Object.keys(parsed.error).sort()).toEqual(['code', 'message']);
  expect(ALL_ERROR_CODES).toContain(parsed.error.code);
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message.length).toBeGreaterThan(5);
}

/** Waits for the mistake (`wanted`) to be logged, then: nothing at error level or above, no stack anywhere. */
async function expectOnlyQuietMistakes(wanted: (line: LogLine) => boolean = () => true): Promise<LogLine[]> {
  await expect.poll(() => lines.some((l) => l.clientMistake === true && wanted(l)), { timeout: 10_000 }).toBe(true);
  await new Promise((r) => setTimeout(r, 100));
  expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  expect(rawLines.join('')).not.toMatch(/"stack"|\\n\s+at /);
  const mistakes = lines.filter((l) => l.clientMistake === true);
  expect(mistakes.length).toBeGreaterThan(0);
  for (const m of mistakes) expect(m.level).toBeLessThanOrEqual(40);
  return mistakes;
}

const uploadHead = (token: string, extra: string): string =>
  `POST /v1/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: image/png\r\n${extra}\r\n`;
const PNG_START = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('latin1');

/** Opens a socket with the parent's token, sends one frame, resolves with the close code it gets. */
function closeCodeAfter(path: string, frame: Buffer | string, binary: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, {
      headers: { ...APP_HEADERS, authorization: `Bearer ${parent.token}` },
    });
    ws.on('open', () => ws.send(frame, { binary }));
    ws.on('close', (code) => resolve(code));
    ws.on('error', () => undefined);
    setTimeout(() => reject(new Error('no close within 10 s')), 10_000);
  });
}

describe("a client's mistakes are logged quietly", () => {
  it('logs an upload cut off mid-body at info, without a stack', async () => {
    await rawExchange(uploadHead(parent.token, 'Content-Length: 100000\r\n') + PNG_START, { hangUpAfterMs: 150 });
    await expectOnlyQuietMistakes((l) => l.msg === 'request cut off');
  });

  it('logs a JSON request cut off mid-body at info, without a stack', async () => {
    const head = 'POST /v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n';
    await rawExchange(`${head}{"email":"a@b.c","pass`, { hangUpAfterMs: 150 });
    await expectOnlyQuietMistakes();
  });

  it('answers a broken chunked upload body in the error shape and logs it at info, without a stack', async () => {
    const answer = await rawExchange(
      uploadHead(parent.token, 'Transfer-Encoding: chunked\r\n') + `10\r\n${PNG_START}\r\nzz\r\nnot a chunk\r\n`,
    );
    expectRawErrorShape(answer, 400, 'MALFORMED_REQUEST');
    await expectOnlyQuietMistakes();
  });

  it('closes a realtime socket that sends a frame over the limit with 1009, and logs it at info', async () => {
    expect(await closeCodeAfter('/v1/ws', 'x'.repeat(300 * 1024), false)).toBe(1009);
    await expectOnlyQuietMistakes((l) => l.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' && l.url === '/v1/ws');
  });

  it('closes a realtime socket that sends invalid UTF-8 with 1007, and logs it at info', async () => {
    expect(await closeCodeAfter('/v1/ws', Buffer.from([0x22, 0xff, 0xfe, 0x22]), false)).toBe(1007);
    await expectOnlyQuietMistakes((l) => l.code === 'WS_ERR_INVALID_UTF8');
  });

  it('treats the same frames on the signaling socket the same way', async () => {
    const path = '/peerjs?key=peerjs&id=nobody&token=nothing-valid-here';
    await closeCodeAfter(path, 'x'.repeat(300 * 1024), false);
    await closeCodeAfter(path, Buffer.from([0x22, 0xff, 0x22]), false);
    const mistakes = await expectOnlyQuietMistakes();
    expect(mistakes.map((m) => m.code)).toEqual(
      expect.arrayContaining(['WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', 'WS_ERR_INVALID_UTF8']),
    );
  });

  it(`logs at most ${CLIENT_MISTAKES_PER_MINUTE} mistakes a minute, however many a client makes`, async () => {
    for (let i = 0; i < CLIENT_MISTAKES_PER_MINUTE + 40; i++) await rawExchange('NOT HTTP AT ALL\r\n\r\n');
    const mistakes = await expectOnlyQuietMistakes();
    expect(mistakes.length).toBeLessThanOrEqual(CLIENT_MISTAKES_PER_MINUTE);
  });
});

describe('the mistake log cap', () => {
  it('counts what it drops and says so once the minute is over', () => {
    const logged: Array<Readonly<{ fields: object; msg: string }>> = [];
    let t = 0;
    const log = createClientMistakeLog(
      { info: ((fields: object, msg: string) => logged.push({ fields, msg })) as never },
      {
        perMinute: 3,
        now: () => t,
      },
    );
    for (let i = 0; i < 10; i++) log({ i }, 'mistake');
    expect(logged.map((l) => l.fields)).toEqual([
      { i: 0, clientMistake: true },
      { i: 1, clientMistake: true },
      { i: 2, clientMistake: true },
    ]);
    t = 60_000;
    log({ i: 10 }, 'mistake');
    expect(logged.slice(3)).toEqual([
      { fields: { suppressed: 7 }, msg: 'client mistakes past the cap were not logged' },
      { fields: { i: 10, clientMistake: true }, msg: 'mistake' },
    ]);
  });
});

describe('every HTTP error the relay writes has the error shape, even before routing', () => {
  it('answers a malformed request line with 400', async () => {
    expectRawErrorShape(await rawExchange('GARBAGE\r\n\r\n'), 400, 'MALFORMED_REQUEST');
  });

  it('answers headers that are too large with 431', async () => {
    const answer = await rawExchange(`GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expectRawErrorShape(answer, 431, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a plain GET of a WebSocket address with 404', async () => {
    const answer = await rawExchange('GET /v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expectRawErrorShape(answer, 404, 'NOT_FOUND');
  });

  it('answers a WebSocket handshake with a bad version with 400, naming the versions it speaks', async () => {
    const answer = await rawExchange(
      'GET /v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 99\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expectRawErrorShape(answer, 400, 'MALFORMED_REQUEST');
    expect(answer).toMatch(/\r\nSec-WebSocket-Version: 13, 8\r\n/);
  });
});
