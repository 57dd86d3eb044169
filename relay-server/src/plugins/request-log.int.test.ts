import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestRelay } from '../../test/helpers';
import { relayLoggerOptions } from './request-log';

const lines: string[] = [];
let relay: TestRelay;
let base: string;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  relay = await buildTestApp({ logger: { ...relayLoggerOptions('info'), stream: sink } });
  base = await relay.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await relay.close();
});

describe('the relay’s request logs', () => {
  it('carry the method, the route’s pattern and the status: no address, name, email, id or query', async () => {
    const registered = await fetch(`${base}/v1/parents?from=Rosalind`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'rosalind@example.test', password: 'a long password', displayName: 'Rosalind' }),
    });
    expect(registered.status).toBe(201);
    await fetch(`${base}/v1/children/01JROSALINDCHILD0000000000`);
    await fetch(`${base}/nowhere/Rosalind`);

    const requests = lines.filter((line) => /"(req|res)":/.test(line));
    expect(requests.length).toBeGreaterThanOrEqual(6);
    for (const line of requests) {
      expect(line).not.toMatch(/127\.0\.0\.1|remoteAddress|remotePort|hostname|"host"|Rosalind|rosalind|ROSALIND/i);
    }
    const incoming = requests.map((line) => (JSON.parse(line) as { req?: unknown }).req).filter(Boolean);
    expect(incoming).toEqual([
      { method: 'POST', route: '/v1/parents' },
      { method: 'GET', route: '/v1/children/:id' },
      { method: 'GET', route: '(no route)' },
    ]);
  });
});
