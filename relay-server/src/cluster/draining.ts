import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { ErrorCode, WsCloseCode } from '@hearth/common';

/** Why an instance stops by itself (server.ts prints the message and exits). */
export type StopReason = Readonly<{
  /** `schema-newer`: a newer relay migrated the database; `instance-lock-lost`: the lock's connection ended. */
  code: 'schema-newer' | 'instance-lock-lost';
  message: string;
}>;

export type DrainingControl = Readonly<{
  /** True from the moment the instance drains (or closes for SIGTERM): `/health` answers 503. */
  active(): boolean;
  /** Drains: refuses new requests and sockets (503), closes the app gracefully, then tells `onStopped`. */
  start(reason: StopReason): void;
}>;

declare module 'fastify' {
  interface FastifyInstance {
    draining: DrainingControl;
  }
}

export type DrainingOptions = Readonly<{
  /** Told once the app closed after {@link DrainingControl.start}. server.ts exits there. */
  onStopped?: (reason: StopReason) => void;
  /** How long the instance refuses new work before it closes. Default {@link DRAIN_GRACE_MS}. */
  graceMs?: number;
}>;

/**
 * How long a draining instance answers 503 before it closes: long enough for the load balancer
 * to see it (nginx retries the next instance on a 503, `proxy_next_upstream http_503`) while the
 * work in flight finishes; short, since the instance may run on a schema it does not know.
 */
export const DRAIN_GRACE_MS = 1_000;

const STOPPING = 'This relay instance is stopping. Please connect again: another instance will answer.';

/**
 * Draining (issue 13): an instance that must stop (a newer schema, a lost instance lock, SIGTERM)
 * first refuses what is new for a short grace — every request and WebSocket upgrade but
 * `/health` gets 503 UNAVAILABLE with `Connection: close`, so a load balancer sends the client
 * elsewhere — then closes the app: Fastify waits for requests in flight, the realtime hub
 * commits what it holds and answers, and {@link closeSocketsGoingAway} tells every socket to
 * reconnect.
 */
export const drainingPlugin = fp<DrainingOptions>(
  async (app, opts) => {
    let draining = false;
    let stopping = false;
    let closing = false;
    const control: DrainingControl = Object.freeze({
      active: () => draining,
      start(reason: StopReason) {
        if (stopping) return;
        stopping = true;
        draining = true;
        app.log.warn({ code: reason.code }, reason.message);
        setTimeout(() => close(reason), opts.graceMs ?? DRAIN_GRACE_MS);
      },
    });
    const close = (reason: StopReason): void => {
      if (closing) return; // SIGTERM came first: server.ts's own close is under way
      app.close().then(
        () => opts.onStopped?.(reason),
        (err: unknown) => {
          app.log.error({ err }, 'closing while draining failed');
          opts.onStopped?.(reason);
        },
      );
    };
    app.decorate('draining', control);
    app.addHook('onRequest', async (request, reply) => {
      if (!draining || request.routeOptions.url === '/health') return;
      await reply
        .code(503)
        .header('Connection', 'close')
        .header('Retry-After', '1')
        .send({ error: { code: ErrorCode.Unavailable, message: STOPPING } });
    });
    app.addHook('preClose', async () => {
      draining = true;
      closing = true;
    });
  },
  { name: 'hearth-draining' },
);

/**
 * Closes every WebSocket still open with 1001 (going away: the apps reconnect, through the load
 * balancer to another instance). Call it after every other plugin is registered: `preClose`
 * hooks run in order, so the realtime hub has committed and answered what it held by then.
 * (`@fastify/websocket`'s own preClose, which closes sockets without a code, is replaced by a
 * no-op in app.ts.)
 */
export function closeSocketsGoingAway(app: FastifyInstance): void {
  app.addHook('preClose', (done) => {
    // One turn later: what the sockets' write batchers hold for this turn leaves before the close frames.
    setImmediate(() => {
      for (const client of app.websocketServer.clients) client.close(WsCloseCode.GoingAway, 'relay going away');
      app.websocketServer.close();
      done();
    });
  });
}
