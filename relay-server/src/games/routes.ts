import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { GamesSwitch, IdParams } from '@hearth/common';
import { requireCaller, requireParent } from '../auth/callers';
import { bearer, responses } from '../responses';
import { getGames, putGames } from './service';

/**
 * The games switch (issue 16, F9), kept on the relay per child: read by a guardian or by the child's
 * own PC, changed by a guardian only (a child's credential gets FORBIDDEN, anyone else NOT_FOUND).
 */
export const gamesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  const tags = ['games'];
  app.get(
    '/v1/children/:id/games',
    {
      schema: {
        summary: 'Whether the child may play games (on by default): a guardian, or a device credential of that child',
        tags,
        security: bearer,
        params: IdParams,
        response: responses({ 200: GamesSwitch }),
      },
    },
    async (request) => getGames(ctx, requireCaller(request.caller), request.params.id),
  );
  app.put(
    '/v1/children/:id/games',
    {
      schema: {
        summary:
          "Turn the child's games on or off (a guardian of the child); while off the relay refuses game moves with GAMES_OFF",
        tags,
        security: bearer,
        params: IdParams,
        body: GamesSwitch,
        response: responses({ 200: GamesSwitch }),
      },
    },
    async (request) => putGames(ctx, requireParent(request.caller).parentId, request.params.id, request.body),
  );
};
