import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  API_VERSION_HEADER,
  APP_VERSION_HEADER,
  ErrorCode,
  HearthError,
  MIN_APP_VERSION_HEADER,
  RELAY_API_VERSION,
  compareVersions,
  parseAppVersion,
  readsErrorCode,
  type AppVersion,
} from '@hearth/common';

declare module 'fastify' {
  interface FastifyRequest {
    /** The app version the request announced (`Hearth-App-Version`); undefined when it announced none. */
    appVersion: AppVersion | undefined;
  }
}

/** Served to every app whatever its version: health, the API document, and what this relay serves. */
const ALWAYS_SERVED = new Set(['/health', '/docs/json', '/v1/version']);

/** The `Hearth-App-Version` header as sent, if it was sent once. */
function announcedVersion(request: FastifyRequest): string | undefined {
  const announced = request.headers[APP_VERSION_HEADER];
  return typeof announced === 'string' ? announced : undefined;
}

/**
 * Every answer says the relay's API version and the oldest app version it serves (response
 * headers); the app says its version on every request. A request announcing a version older than
 * the minimum, or one that does not parse, is refused with APP_TOO_OLD (426), so the app can say
 * "Hearth needs an update" instead of failing on answers it cannot read. A request announcing
 * nothing (curl, a monitor) is served. `/v1/ws` is the socket's to judge: one that announces no
 * version in its upgrade or its `hello` counts as older than the minimum and is refused there
 * (error frame, close 4426); only an upgrade announcing an old version is refused here. An error
 * code the app's version does not know is sent as UNAVAILABLE (same status), one it reads.
 */
export const appVersionPlugin = fp(
  async (app) => {
    const min = parseAppVersion(app.relay.config.minAppVersion) as AppVersion;
    app.decorateRequest('appVersion', undefined);
    app.addHook('onRequest', async (request, reply) => {
      void reply.header(API_VERSION_HEADER, String(RELAY_API_VERSION));
      void reply.header(MIN_APP_VERSION_HEADER, app.relay.config.minAppVersion);
      const announced = announcedVersion(request);
      request.appVersion = parseAppVersion(announced);
      if (announced === undefined) return;
      if (request.appVersion !== undefined && compareVersions(request.appVersion, min) >= 0) return;
      const path = request.url.split('?')[0] ?? '';
      if (ALWAYS_SERVED.has(path) || path.startsWith('/peerjs')) return;
      if (path === '/v1/ws' && request.appVersion === undefined) return;
      throw new HearthError(ErrorCode.AppTooOld, 'This Hearth app is too old for this server. Please update Hearth.', {
        minAppVersion: app.relay.config.minAppVersion,
      });
    });
    app.addHook('preSerialization', async (request, _reply, payload) => {
      const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      if (typeof error?.code !== 'string') return payload;
      // Set in onRequest; read the header here for an answer refused before that hook ran.
      const version = request.appVersion ?? parseAppVersion(announcedVersion(request));
      // No version (curl, a monitor): the code as it is.
      if (version === undefined || readsErrorCode(version, error.code)) return payload;
      return { error: { ...error, code: ErrorCode.Unavailable } };
    });
  },
  { name: 'hearth-app-version', dependencies: ['hearth-context', 'hearth-errors'] },
);
