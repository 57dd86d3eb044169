import fp from 'fastify-plugin';
import type { RelayContext } from '../context';

declare module 'fastify' {
  interface FastifyInstance {
    relay: RelayContext;
  }
}

/** Makes the services' context available to every route as `app.relay`. */
export const contextPlugin = fp<{ context: RelayContext }>(
  async (app, opts) => {
    app.decorate('relay', opts.context);
  },
  { name: 'hearth-context' },
);
