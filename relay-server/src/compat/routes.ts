import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MESSAGE_KINDS, RELAY_API_VERSION, RelayVersion } from '@hearth/common';
import { responses } from '../responses';

/**
 * Optional features this relay offers, by name, beyond API version 2's baseline. `call-ice`: it
 * passes ICE restarts between friends in a call on `/v1/ws` (issue 18); an app sends that frame
 * only to a relay listing it.
 */
export const RELAY_FEATURES: readonly string[] = Object.freeze(['call-ice']);

/** `GET /v1/version`: what this relay is and which apps it serves; answered to every app, however old. */
export const versionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/version',
    {
      schema: {
        summary: "The relay's API version, the oldest app it serves, and what it offers",
        tags: ['versions'],
        response: responses({ 200: RelayVersion }),
      },
    },
    async () => ({
      apiVersion: RELAY_API_VERSION,
      minAppVersion: app.relay.config.minAppVersion,
      messageKinds: [...MESSAGE_KINDS],
      features: [...RELAY_FEATURES],
    }),
  );
};
