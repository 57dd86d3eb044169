import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  ConfirmGrownUpInviteBody,
  CreateGrownUpInviteBody,
  GrownUpInvite,
  GrownUpInviteCreated,
  GrownUpInviteList,
  IdParams,
  RedeemGrownUpInviteBody,
  RedeemedGrownUpInvite,
} from '@hearth/common';
import { requireParent } from '../auth/callers';
import { bearer, responses } from '../responses';
import {
  cancelGrownUpInvite,
  confirmGrownUpInvite,
  createGrownUpInvite,
  declineGrownUpInvite,
  listGrownUpInvites,
  redeemGrownUpInvite,
} from './invites';

const TEN_MINUTES = 10 * 60_000;
const HOUR = 60 * 60_000;

/** Inviting another grown-up (a guardian or a trusted grown-up) for a child: issue 12. Grown-ups' sessions only. */
export const grownUpInviteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  const tags = ['family'];
  const key =
    (prefix: string) =>
    (r: FastifyRequest): string =>
      `${prefix}:${r.caller ? (r.caller.kind === 'child' ? r.caller.childId : r.caller.parentId) : r.ip}`;

  app.post(
    '/v1/grown-up-invites',
    {
      schema: {
        summary: 'Invite another grown-up as a guardian or trusted grown-up of some of my children',
        description: 'The answer is the same whatever `email` is. The code is shown once; the relay keeps only its hash.',
        tags,
        security: bearer,
        body: CreateGrownUpInviteBody,
        response: responses({ 201: GrownUpInviteCreated }),
      },
      config: { rateLimit: { max: 20, timeWindow: HOUR, keyGenerator: key('grown-up-invite') } },
    },
    async (request, reply) =>
      reply.status(201).send(await createGrownUpInvite(ctx, requireParent(request.caller).parentId, request.body)),
  );

  app.get(
    '/v1/grown-up-invites',
    {
      schema: {
        summary: 'Invitations for my children, and those I typed in',
        tags,
        security: bearer,
        response: responses({ 200: GrownUpInviteList }),
      },
    },
    async (request) => listGrownUpInvites(ctx, requireParent(request.caller).parentId),
  );

  app.post(
    '/v1/grown-up-invites/redeem',
    {
      schema: {
        summary: "Type in a guardian's invitation code (the inviting guardian then confirms)",
        tags,
        security: bearer,
        body: RedeemGrownUpInviteBody,
        response: responses({ 201: RedeemedGrownUpInvite }),
      },
      config: {
        rateLimit: {
          max: ctx.config.rateLimits.redeemsPer10Minutes,
          timeWindow: TEN_MINUTES,
          keyGenerator: key('grown-up-redeem'),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await redeemGrownUpInvite(ctx, requireParent(request.caller).parentId, request.body.code)),
  );

  /** The inviting guardian's answer to the grown-up who typed the code: `answer(ctx, caller, invite)`. */
  const answerRoute = (url: string, summary: string, answer: typeof confirmGrownUpInvite): void => {
    app.post(
      url,
      {
        schema: {
          summary,
          tags,
          security: bearer,
          params: IdParams,
          body: ConfirmGrownUpInviteBody,
          response: responses({ 200: GrownUpInvite }),
        },
      },
      async (request) => answer(ctx, requireParent(request.caller).parentId, request.params.id),
    );
  };
  answerRoute(
    '/v1/grown-up-invites/:id/confirm',
    'Confirm the grown-up who typed the code (the inviting guardian only)',
    confirmGrownUpInvite,
  );
  answerRoute(
    '/v1/grown-up-invites/:id/decline',
    'Decline the grown-up who typed the code (the inviting guardian only)',
    declineGrownUpInvite,
  );

  app.delete(
    '/v1/grown-up-invites/:id',
    {
      schema: {
        summary: 'Cancel an invitation not yet answered',
        tags,
        security: bearer,
        params: IdParams,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await cancelGrownUpInvite(ctx, requireParent(request.caller).parentId, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
