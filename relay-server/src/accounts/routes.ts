import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ChildId, ParentId } from '@hearth/common';
import { Type } from 'typebox';
import {
  CheckEmail,
  ChildList,
  Child,
  ConsentList,
  CreateChildBody,
  IdParams,
  Me,
  RegisterParentBody,
  SessionGrant,
  SessionList,
  SignInBody,
  UpdateChildBody,
  ErrorCode,
  HearthError,
} from '@hearth/common';
import { requireCaller, requireParent } from '../auth/callers';
import { consentsOf, createChild, listChildren, ownChild, patchChild, registerParent, signIn, toChild } from './service';
import { bearer, responses } from '../responses';
import { registerWithEmail } from '../email/service';

const MINUTE = 60_000;

/** Parents, sessions, children and consent (the policy itself: `policy/routes.ts`). */
export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  const limits = ctx.config.rateLimits;

  app.post(
    '/v1/parents',
    {
      schema: {
        summary: 'Register a parent account',
        description:
          'Without email: 201 and a session at once (EMAIL_TAKEN for a used address). With email (--smtp-url): 202 "check-email" whatever the address; the emailed code finishes it (POST /v1/email-verifications).',
        tags: ['accounts'],
        body: RegisterParentBody,
        response: responses({ 201: SessionGrant, 202: CheckEmail }),
      },
      config: { rateLimit: { max: limits.registerPerHour, timeWindow: 60 * MINUTE, keyGenerator: (r) => `register:${r.ip}` } },
    },
    async (request, reply) =>
      ctx.mailer.enabled
        ? reply.status(202).send(await registerWithEmail(ctx, request.body))
        : reply.status(201).send(await registerParent(ctx, request.body)),
  );

  app.post(
    '/v1/sessions',
    {
      schema: { summary: 'Sign a parent in', tags: ['accounts'], body: SignInBody, response: responses({ 201: SessionGrant }) },
      config: { rateLimit: { max: limits.signInPerMinute, timeWindow: MINUTE, keyGenerator: (r) => `signin:${r.ip}` } },
    },
    async (request, reply) => reply.status(201).send(await signIn(ctx, request.body)),
  );

  app.get(
    '/v1/sessions',
    {
      schema: {
        summary: "List the parent's live sessions",
        tags: ['accounts'],
        security: bearer,
        response: responses({ 200: SessionList }),
      },
    },
    async (request) => {
      const parent = requireParent(request.caller);
      const sessions = (await ctx.store.sessions.listLiveParentSessions(parent.parentId, ctx.now())).map((s) => ({
        sessionId: s.id,
        createdAt: s.createdAt,
        expiresAt: s.expiresAt,
        current: s.id === parent.sessionId,
      }));
      return { sessions };
    },
  );

  app.delete(
    '/v1/sessions/:id',
    {
      schema: {
        summary: 'Revoke a session (sign out)',
        tags: ['accounts'],
        security: bearer,
        params: IdParams,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      const parent = requireParent(request.caller);
      if (!(await ctx.store.sessions.revokeParentSession(parent.parentId, request.params.id, ctx.now()))) {
        throw new HearthError(ErrorCode.NotFound, 'No such session.');
      }
      // Sockets opened with this session (parent mode) close now, not at the next re-check.
      ctx.events.emit('credentialsRevoked', { childIds: [], parentSessionId: request.params.id });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/v1/me',
    {
      schema: {
        summary: 'Who this credential belongs to',
        tags: ['accounts'],
        security: bearer,
        response: responses({ 200: Me }),
      },
    },
    async (request) => {
      const caller = requireCaller(request.caller);
      if (caller.kind === 'parent') {
        const p = await ctx.store.accounts.getParentById(caller.parentId);
        if (!p) throw new HearthError(ErrorCode.Unauthenticated, 'Please sign in again.');
        return {
          kind: 'parent' as const,
          parentId: p.id as ParentId,
          email: p.email,
          displayName: p.displayName,
          emailVerified: p.emailVerifiedAt !== null,
          accountCreatedAt: p.createdAt,
        };
      }
      const c = await ctx.store.accounts.getChild(caller.childId);
      if (!c) throw new HearthError(ErrorCode.Unauthenticated, 'Please sign in again.');
      return {
        kind: 'child' as const,
        childId: c.id as ChildId,
        parentId: c.parentId as ParentId,
        displayName: c.displayName,
        username: c.username,
        deviceId: caller.deviceId,
      };
    },
  );

  app.post(
    '/v1/children',
    {
      schema: {
        summary: "Create a child account (needs the parent's consent)",
        tags: ['children'],
        security: bearer,
        body: CreateChildBody,
        response: responses({ 201: Child }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createChild(ctx, requireParent(request.caller).parentId, request.body)),
  );

  app.get(
    '/v1/children',
    {
      schema: { summary: "The parent's children", tags: ['children'], security: bearer, response: responses({ 200: ChildList }) },
    },
    async (request) => ({ children: await listChildren(ctx, requireParent(request.caller).parentId) }),
  );

  app.get(
    '/v1/children/:id',
    {
      schema: {
        summary: 'One of the parent’s children',
        tags: ['children'],
        security: bearer,
        params: IdParams,
        response: responses({ 200: Child }),
      },
    },
    async (request) => toChild(await ownChild(ctx, requireParent(request.caller).parentId, request.params.id)),
  );

  app.patch(
    '/v1/children/:id',
    {
      schema: {
        summary: 'Rename a child or change the optional details',
        tags: ['children'],
        security: bearer,
        params: IdParams,
        body: UpdateChildBody,
        response: responses({ 200: Child }),
      },
    },
    async (request) => patchChild(ctx, requireParent(request.caller).parentId, request.params.id, request.body),
  );

  app.get(
    '/v1/consents',
    {
      schema: {
        summary: "The parent's consent records",
        tags: ['children'],
        security: bearer,
        response: responses({ 200: ConsentList }),
      },
    },
    async (request) => ({ consents: await consentsOf(ctx, requireParent(request.caller).parentId) }),
  );
};
