import fp from 'fastify-plugin';
import {
  APP_VERSION_HEADER,
  ErrorCode,
  HearthError,
  parseAppVersion,
  type AppVersion,
  type FirstReadTable,
} from '@hearth/common';
import { createRealtimeHub } from './hub';
import { runSocketSession } from './socket-session';

/** What the rest of the relay (and tests) may ask of the realtime side. */
export type RealtimeControl = Readonly<{
  /** Runs message expiry and cleanup, and tells suspensions made by `relay:admin`, now (it also runs every `messaging.sweepIntervalMs`). */
  sweep(): Promise<void>;
  /** Group-commit counters of the message queue: transactions, and the sends and acks they carried. */
  queueStats(): Readonly<{ commits: number; pieces: number }>;
  /** Counts children's minutes and looks at their quiet time now (issue 14; it also runs on timers). */
  quietTick(): Promise<void>;
}>;

declare module 'fastify' {
  interface FastifyInstance {
    realtime: RealtimeControl;
  }
}

const BEARER = /^Bearer +([A-Za-z0-9_-]{16,128})$/i;

/**
 * `GET /v1/ws`: the one WebSocket per device session that carries presence, friendship events
 * and messages (protocol: common/src/schemas/realtime.ts).
 */
export const realtimePlugin = fp<{ firstReadIn?: FirstReadTable }>(
  async (app, opts) => {
    const hub = createRealtimeHub(app.relay, app.log, opts.firstReadIn);
    app.decorate('realtime', {
      sweep: () => hub.sweep(),
      queueStats: () => hub.queueStats(),
      quietTick: () => hub.quietTick(),
    });
    await hub.start();
    app.addHook('preClose', async () => hub.close());

    app.get(
      '/v1/ws',
      {
        websocket: true,
        schema: { hide: true },
        // A header that is present but dead is refused before the upgrade; no header means "hello" auth.
        preValidation: async (request) => {
          if (request.headers.authorization !== undefined && !request.caller) {
            throw new HearthError(
              ErrorCode.Unauthenticated,
              'Please sign in again: this credential is missing, expired or revoked.',
            );
          }
        },
      },
      (socket, request) => {
        const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
        const appVersion = request.headers[APP_VERSION_HEADER];
        runSocketSession(
          socket,
          {
            caller: request.caller,
            token,
            appVersion: typeof appVersion === 'string' ? appVersion : undefined,
            minAppVersion: parseAppVersion(app.relay.config.minAppVersion) as AppVersion,
          },
          hub,
          request.log,
        );
      },
    );
  },
  { name: 'hearth-realtime', dependencies: ['hearth-context', 'hearth-auth'] },
);
