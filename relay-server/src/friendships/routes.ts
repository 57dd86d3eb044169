import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateInviteBody,
  FriendshipActionBody,
  FriendshipList,
  FriendshipListQuery,
  FriendshipView,
  IdParams,
  Invite,
  RedeemInviteBody,
} from '@hearth/common';
import { requireCaller, requireChild } from '../auth/callers';
import { actOnFriendship, createInvite, listFriendships, redeemInvite } from './service';
import { bearer, responses } from '../responses';

const TEN_MINUTES = 10 * 60_000;

/** Invite codes and the friendship handshake. No search, no directory: a code is the only way in. */
export const friendshipRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  const tags = ['friendships'];

  app.post(
    '/v1/invites',
    {
      schema: {
        summary: 'Make an invite code',
        tags,
        security: bearer,
        body: CreateInviteBody,
        response: responses({ 201: Invite }),
      },
      // The body is optional: a child's device sends none.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createInvite(ctx, requireCaller(request.caller), request.body.childId)),
  );

  app.post(
    '/v1/invites/redeem',
    {
      schema: {
        summary: "Redeem a friend's code (a child's device)",
        tags,
        security: bearer,
        body: RedeemInviteBody,
        response: responses({ 201: FriendshipView }),
      },
      config: {
        rateLimit: {
          max: ctx.config.rateLimits.redeemsPer10Minutes,
          timeWindow: TEN_MINUTES,
          keyGenerator: (r) => `redeem:${r.caller ? (r.caller.kind === 'child' ? r.caller.childId : r.caller.parentId) : r.ip}`,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await redeemInvite(ctx, requireChild(request.caller).childId, request.body.code)),
  );

  app.get(
    '/v1/friendships',
    {
      schema: {
        summary: 'Friendships and requests the caller may see',
        tags,
        security: bearer,
        querystring: FriendshipListQuery,
        response: responses({ 200: FriendshipList }),
      },
    },
    async (request) => ({ friendships: await listFriendships(ctx, requireCaller(request.caller), request.query.childId) }),
  );

  app.post(
    '/v1/friendships/:id/actions',
    {
      schema: {
        summary: 'Confirm, approve, decline, remove, block or unblock',
        tags,
        security: bearer,
        params: IdParams,
        body: FriendshipActionBody,
        response: responses({ 200: FriendshipView }),
      },
    },
    async (request) => actOnFriendship(ctx, requireCaller(request.caller), request.params.id, request.body.action),
  );
};
