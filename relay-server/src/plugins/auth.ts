import fp from 'fastify-plugin';
import { bearerToken, resolveCaller, type RequestCaller } from '../auth/callers';
import { revokedDeviceError } from '../devices/computers';
import { refuseSuspendedGrownUp } from '../moderation/suspended';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, from the bearer token; undefined for anonymous or dead credentials. */
    caller: RequestCaller | undefined;
  }
}

/** Resolves the caller once per request, before rate limits and handlers run. */
export const authPlugin = fp(
  async (app) => {
    app.decorateRequest('caller', undefined);
    app.addHook('onRequest', async (request) => {
      request.caller = await resolveCaller(app.relay.store, request.headers.authorization, app.relay.now());
      // F16: a suspended grown-up's session answers ACCOUNT_SUSPENDED everywhere.
      if (request.caller?.kind === 'parent') await refuseSuspendedGrownUp(app.relay.store, request.caller.parentId);
      // A signed-out PC's credential (F18): DEVICE_REVOKED on every route, the upgrade of /v1/ws included.
      if (!request.caller) {
        const token = bearerToken(request.headers.authorization);
        const revoked = await revokedDeviceError(app.relay.store, token, request.appVersion);
        if (revoked) throw revoked;
      }
    });
  },
  { name: 'hearth-auth', dependencies: ['hearth-context', 'hearth-app-version'] },
);
