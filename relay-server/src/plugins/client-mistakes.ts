import type { Duplex } from 'node:stream';
import fp from 'fastify-plugin';
import type { FastifyBaseLogger } from 'fastify';
import { handshakeRefusal, writeRefusal } from './raw-refusals';

/**
 * Logs what a client did wrong (a cut-off upload, a malformed request line, an oversized or
 * invalid WebSocket frame): at info, with the error's code and message and never its stack, and
 * at most `perMinute` lines a minute, so that no client can fill the log at will.
 */
export type ClientMistakes = (fields: Readonly<Record<string, unknown>>, msg: string) => void;

declare module 'fastify' {
  interface FastifyInstance {
    clientMistakes: ClientMistakes;
  }
}

/** Lines a minute before the rest are only counted. */
export const CLIENT_MISTAKES_PER_MINUTE = 60;

/** A client-mistake log over `log`: `perMinute` lines a minute (default 60), then a count of the rest. */
export function createClientMistakeLog(
  log: Pick<FastifyBaseLogger, 'info'>,
  options: Readonly<{ perMinute?: number; now?: () => number }> = {},
): ClientMistakes {
  const perMinute = options.perMinute ?? CLIENT_MISTAKES_PER_MINUTE;
  const now = options.now ?? Date.now;
  let windowStart = now();
  let logged = 0;
  let suppressed = 0;
  return (fields, msg) => {
    const t = now();
    if (t - windowStart >= 60_000) {
      if (suppressed > 0) log.info({ suppressed }, 'client mistakes past the cap were not logged');
      windowStart = t;
      logged = 0;
      suppressed = 0;
    }
    if (logged >= perMinute) {
      suppressed++;
      return;
    }
    logged++;
    log.info({ ...fields, clientMistake: true }, msg);
  };
}

/**
 * Decorates the app with its `clientMistakes` log, and answers a refused WebSocket handshake
 * (wrong method, missing key or version) in the relay's error shape instead of `ws`'s HTML.
 */
export const clientMistakesPlugin = fp(
  async (app) => {
    app.decorate('clientMistakes', createClientMistakeLog(app.log));
    app.websocketServer.on('wsClientError', (err: Error, socket: Duplex) => {
      app.clientMistakes({ err: err.message }, 'websocket handshake refused');
      writeRefusal(socket, handshakeRefusal(err.message));
    });
  },
  { name: 'hearth-client-mistakes', dependencies: ['@fastify/websocket'] },
);
