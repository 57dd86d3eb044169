import fp from 'fastify-plugin';
import {
  API_VERSION_HEADER,
  APP_VERSION_HEADER,
  ErrorCode,
  HearthError,
  MIN_APP_VERSION_HEADER,
  RELAY_API_VERSION,
  compareVersions,
  effectiveAppVersion,
  parseAppVersion,
  readsErrorCode,
  type AppVersion,
} from '@hearth/common';

declare module 'fastify' {
  interface FastifyRequest {
    /** The app version the request announced (`Hearth-App-Version`), or 0.1.0 when it announced none. */
    appVersion: AppVersion;
  }
}

/** Served to every app whatever its version: health, the API document, and what this relay serves. */
const ALWAYS_SERVED = new Set(['/health', '/docs/json', '/v1/version']);

/**
 * Every answer says the relay's API version and the oldest app version it serves (response
 * headers); every request says the app's version. A request from an app older than the minimum
 * is refused with APP_TOO_OLD (426), so the app can say "Hearth needs an update" instead of
 * failing on answers it cannot read. A `/v1/ws` upgrade without credentials says its version
 * in `hello` instead (browsers cannot set headers); the socket checks it there. An error code the
 * app's version does not know is sent as UNAVAILABLE (same status), one it reads.
 */
export const appVersionPlugin = fp(
  async (app) => {
    const min = parseAppVersion(app.relay.config.minAppVersion) as AppVersion;
    app.decorateRequest('appVersion', undefined as unknown as AppVersion);
    app.addHook('onRequest', async (request, reply) => {
      void reply.header(API_VERSION_HEADER, String(RELAY_API_VERSION));
      void reply.header(MIN_APP_VERSION_HEADER, app.relay.config.minAppVersion);
      const announced = request.headers[APP_VERSION_HEADER];
      request.appVersion = effectiveAppVersion(typeof announced === 'string' ? announced : undefined);
      if (compareVersions(request.appVersion, min) >= 0) return;
      const path = request.url.split('?')[0] ?? '';
      if (ALWAYS_SERVED.has(path) || path.startsWith('/peerjs')) return;
      if (path === '/v1/ws' && announced === undefined && request.headers.authorization === undefined) return;
      throw new HearthError(ErrorCode.AppTooOld, 'This Hearth app is too old for this server. Please update Hearth.', {
        minAppVersion: app.relay.config.minAppVersion,
      });
    });
    app.addHook('preSerialization', async (request, _reply, payload) => {
      const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      if (typeof error?.code !== 'string') return payload;
      // Set in onRequest; read the header here for an answer refused before that hook ran.
      const announced = request.headers[APP_VERSION_HEADER];
      const version = request.appVersion ?? effectiveAppVersion(typeof announced === 'string' ? announced : undefined);
      if (readsErrorCode(version, error.code)) return payload;
      return { error: { ...error, code: ErrorCode.Unavailable } };
    });
  },
  { name: 'hearth-app-version', dependencies: ['hearth-context', 'hearth-errors'] },
);
