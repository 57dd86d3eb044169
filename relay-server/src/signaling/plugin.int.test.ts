import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { buildTestApp } from '../../test/helpers';
import { listen, loggedIn, signalingKid, sleep } from './test-support';

it('keeps signaling tokens, which PeerJS puts in the socket URL, out of the logs', async () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const relay = await buildTestApp({ logger: { level: 'info', stream } });
  try {
    const port = await listen(relay.app);
    const kid = await signalingKid(relay.app);
    const peer = await loggedIn(port, kid.grant);
    peer.ws.close();
    await peer.closed;
    await sleep(50);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.includes(kid.grant.token))).toEqual([]);
  } finally {
    await relay.close();
  }
});
