import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, UsageView } from '@hearth/common';
import { requireCaller } from '../auth/callers';
import { bearer, responses } from '../responses';
import { usageView } from './usage';

/** Time in Hearth per day (issue 14, F10/F14): a guardian of the child, or the child's own credential. */
export const usageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  app.get(
    '/v1/children/:id/usage',
    {
      schema: {
        summary:
          "A child's minutes in Hearth (online or in a call, on any of their PCs) per day in the child's zone, last 30 days (a guardian of the child, or the child)",
        tags: ['quiet'],
        security: bearer,
        params: IdParams,
        response: responses({ 200: UsageView }),
      },
    },
    async (request) => usageView(ctx, requireCaller(request.caller), request.params.id),
  );
};
