import fp from 'fastify-plugin';
import { resolveCaller, type RequestCaller } from '../auth/callers';

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
    });
  },
  { name: 'hearth-auth', dependencies: ['hearth-context'] },
);
