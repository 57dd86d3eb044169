import fp from 'fastify-plugin';
import type { IncomingMessage } from 'node:http';

/** The response header naming the instance that answered, so a test or an operator behind a load balancer can tell. */
export const INSTANCE_HEADER = 'X-Hearth-Instance';

/**
 * Names this instance on every HTTP answer (errors, 404s and rate-limit refusals included, as
 * they all pass `onSend`) and on the `101 Switching Protocols` of `/v1/ws` and `/peerjs`, which
 * `ws` writes itself: its `headers` event lets us add a line. Needs `@fastify/websocket`
 * registered first (for `app.websocketServer`).
 */
export const instanceHeaderPlugin = fp<{ instanceName: string }>(
  async (app, opts) => {
    app.addHook('onSend', async (_request, reply) => {
      reply.header(INSTANCE_HEADER, opts.instanceName);
    });
    app.websocketServer.on('headers', (headers: string[], _request: IncomingMessage) => {
      headers.push(`${INSTANCE_HEADER}: ${opts.instanceName}`);
    });
  },
  { name: 'hearth-instance-header', dependencies: ['@fastify/websocket'] },
);
