import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ChildRelayExport, IdParams, readsKind } from '@hearth/common';
import { requireParent } from '../auth/callers';
import { bearer, responses } from '../responses';
import { childRelayExport } from './service';

/** The family's export (issue 15 §4, F12): a guardian's session only; a child's credential gets 403. */
export const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  app.get(
    '/v1/children/:id/export',
    {
      schema: {
        summary: 'Everything the relay holds about a child, for the family’s export (a guardian of the child)',
        tags: ['export'],
        security: bearer,
        params: IdParams,
        response: responses({ 200: ChildRelayExport }),
      },
    },
    async (request) => {
      const version = request.appVersion;
      // An app older than 0.4.0 refuses an export with the games switch in it (a closed schema).
      const games = version === undefined || readsKind(version, 'game-move');
      return childRelayExport(ctx, requireParent(request.caller), request.params.id, { games });
    },
  );
};
