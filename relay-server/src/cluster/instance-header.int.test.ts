import { WebSocket } from 'ws';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestRelay } from '../../test/helpers';
import { INSTANCE_HEADER } from './instance-header';

let relay: TestRelay;
let base: string;
beforeAll(async () => {
  relay = await buildTestApp({ instanceName: 'relay-b7' });
  base = await relay.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await relay.close();
});

/** The response to a WebSocket upgrade (101), as `ws` hands it over. */
function upgradeResponse(url: string): Promise<IncomingMessage> {
  const ws = new WebSocket(url);
  return new Promise((resolve, reject) => {
    ws.once('upgrade', (response) => {
      resolve(response);
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

describe(`the ${INSTANCE_HEADER} header`, () => {
  it('names the instance on answers, refusals, errors and not-found alike', async () => {
    const answers = [
      await fetch(`${base}/v1/version`),
      await fetch(`${base}/health`),
      await fetch(`${base}/v1/children`), // 401: no credential
      await fetch(`${base}/nowhere`), // 404
      await fetch(`${base}/v1/parents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }), // 400
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 401, 404, 400]);
    for (const answer of answers) expect(answer.headers.get(INSTANCE_HEADER)).toBe('relay-b7');
  });

  it('names the instance on a rate-limit refusal', async () => {
    const strict = await buildTestApp({ instanceName: 'relay-c3', rateLimits: { defaultPerMinute: 2 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const answer = await strict.app.inject('/docs/json');
        statuses.push(answer.statusCode);
        expect(answer.headers[INSTANCE_HEADER.toLowerCase()]).toBe('relay-c3');
      }
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await strict.close();
    }
  });

  it('names the instance on the WebSocket upgrades of /v1/ws and /peerjs', async () => {
    const ws = base.replace('http', 'ws');
    const realtime = await upgradeResponse(`${ws}/v1/ws`);
    expect(realtime.statusCode).toBe(101);
    expect(realtime.headers[INSTANCE_HEADER.toLowerCase()]).toBe('relay-b7');
    const signaling = await upgradeResponse(`${ws}/peerjs?key=peerjs&id=somebody&token=x&version=1.5.5`);
    expect(signaling.statusCode).toBe(101);
    expect(signaling.headers[INSTANCE_HEADER.toLowerCase()]).toBe('relay-b7');
  });
});
