import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DailySummarySetting, IdParams } from '@hearth/common';
import { requireChild, requireParent } from '../auth/callers';
import { bearer, responses } from '../responses';
import { getDailySummary, getMyDailySummary, putDailySummary } from './service';

/**
 * The daily summary's opt-in (issue 14, F10): read and changed with a guardian's session (a child's
 * credential gets 403); a child's own PC reads it, and only its own, to know whether to send.
 */
export const summaryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  const tags = ['activity'];
  app.get(
    '/v1/children/:id/daily-summary',
    {
      schema: {
        summary: "Whether the child's PCs send the guardians a counts-only summary each day (off by default)",
        tags,
        security: bearer,
        params: IdParams,
        response: responses({ 200: DailySummarySetting }),
      },
    },
    async (request) => getDailySummary(ctx, requireParent(request.caller).parentId, request.params.id),
  );
  app.put(
    '/v1/children/:id/daily-summary',
    {
      schema: {
        summary: "Switch the child's counts-only daily summary on or off (a guardian of the child)",
        tags,
        security: bearer,
        params: IdParams,
        body: DailySummarySetting,
        response: responses({ 200: DailySummarySetting }),
      },
    },
    async (request) => putDailySummary(ctx, requireParent(request.caller).parentId, request.params.id, request.body),
  );
  app.get(
    '/v1/me/daily-summary',
    {
      schema: {
        summary: "Whether my guardians switched my counts-only daily summary on (a child's own credential; read-only)",
        tags,
        security: bearer,
        response: responses({ 200: DailySummarySetting }),
      },
    },
    async (request) => getMyDailySummary(ctx, requireChild(request.caller).childId),
  );
};
