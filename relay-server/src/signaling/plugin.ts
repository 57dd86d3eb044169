import type { FastifyPluginAsync } from 'fastify';
import { createSignalingServer } from './signaling-server';
import { PEER_REFRESH_MS } from './peer-directory';
import { hashToken } from '../auth/tokens';

/**
 * Mounts the PeerJS-compatible socket at `/peerjs` (the client's `path: '/'`), so the
 * unmodified `peerjs` client connects with a relay-issued id and token. Upgrades are rate
 * limited per token (its hash), not per address (a school may put many PCs behind one), and not
 * per claimed peer id: friends, and former friends, know a child's id, and failing logins with it
 * must not lock the child out. Only the grant's holder can spend its budget.
 */
export const signalingPlugin: FastifyPluginAsync = async (app) => {
  const log = app.log.child({ module: 'signaling' });
  const server = createSignalingServer(app.relay, log);
  await server.start();
  const sweepEveryMs = Math.max(1000, Math.min(5000, Math.floor(app.relay.config.signaling.idleTimeoutMs / 4)));
  const timer = setInterval(() => server.sweep(), sweepEveryMs);
  timer.unref();
  // Where each peer is lives on the bus with a TTL: refreshed while its socket lives here.
  const refresher = setInterval(() => {
    server.refresh().catch((err: unknown) => log.error({ err }, 'signaling peer refresh failed'));
  }, PEER_REFRESH_MS);
  refresher.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    clearInterval(refresher);
    await server.close();
  });

  app.get(
    '/peerjs',
    {
      websocket: true,
      schema: { hide: true },
      // The token rides in the URL (PeerJS puts it there): keep request lines out of the logs.
      logLevel: 'warn',
      config: {
        rateLimit: {
          max: 30,
          timeWindow: 60_000,
          keyGenerator: (r) => {
            const token = (r.query as { token?: unknown }).token;
            return typeof token === 'string' && token !== ''
              ? `peerjs:${hashToken(token.slice(0, 256)).toString('base64url')}`
              : `peerjs-ip:${r.ip}`;
          },
        },
      },
    },
    (socket, request) => server.accept(socket, request.query),
  );
};
