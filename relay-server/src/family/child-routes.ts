import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ChildGrownUpParams,
  ChildGrownUps,
  ConsentRecord,
  GiveConsentBody,
  IdParams,
  NoticeList,
  PasswordAgainBody,
  TrustedGrownUp,
  UpdateTrustedBody,
  closed,
  readsNoticeKind,
} from '@hearth/common';
import { requireParent } from '../auth/callers';
import { bearer, responses } from '../responses';
import {
  childGrownUps,
  deleteChild,
  giveConsent,
  removeGuardian,
  removeTrusted,
  updateTrusted,
  withdrawConsent,
} from './grown-ups';
import { listNotices } from './notices';

const NoticeListQuery = Type.Object({ limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$' })) }, closed);
const DEFAULT_NOTICES = 50;
const MAX_NOTICES = 200;

/** A child's grown-ups, consents and deletion, and the guardians' notices (issue 12). Grown-ups' sessions only. */
export const familyChildRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  const tags = ['family'];
  const noContent = responses({ 204: Type.Null() });

  app.get(
    '/v1/children/:id/grown-ups',
    {
      schema: {
        summary: "A child's guardians and trusted grown-ups (a guardian of the child only)",
        tags,
        security: bearer,
        params: IdParams,
        response: responses({ 200: ChildGrownUps }),
      },
    },
    async (request) => childGrownUps(ctx, requireParent(request.caller).parentId, request.params.id),
  );

  /** DELETE one grown-up of a child: `remove(ctx, caller, child, grown-up)`, then 204 with no body. */
  const removeRoute = (url: string, summary: string, remove: typeof removeGuardian): void => {
    app.delete(
      url,
      { schema: { summary, tags, security: bearer, params: ChildGrownUpParams, response: noContent } },
      async (request, reply) => {
        await remove(ctx, requireParent(request.caller).parentId, request.params.id, request.params.parentId);
        return reply.status(204).send(null);
      },
    );
  };
  removeRoute(
    '/v1/children/:id/guardians/:parentId',
    'Remove a guardian of the child, or leave (never the last one: LAST_GUARDIAN)',
    removeGuardian,
  );
  removeRoute(
    '/v1/children/:id/trusted/:parentId',
    'Remove a trusted grown-up of the child (a guardian, or the trusted grown-up themself); immediate',
    removeTrusted,
  );

  app.patch(
    '/v1/children/:id/trusted/:parentId',
    {
      schema: {
        summary: 'Change the picture the child sees for a trusted grown-up',
        tags,
        security: bearer,
        params: ChildGrownUpParams,
        body: UpdateTrustedBody,
        response: responses({ 200: TrustedGrownUp }),
      },
    },
    async (request) =>
      updateTrusted(ctx, requireParent(request.caller).parentId, request.params.id, request.params.parentId, request.body.avatar),
  );

  app.post(
    '/v1/children/:id/consents',
    {
      schema: {
        summary: 'Give (or renew) my own consent for this child, to the current policy version',
        tags,
        security: bearer,
        params: IdParams,
        body: GiveConsentBody,
        response: responses({ 201: ConsentRecord }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await giveConsent(ctx, requireParent(request.caller).parentId, request.params.id, request.body.consent)),
  );

  app.delete(
    '/v1/children/:id/consents/mine',
    {
      schema: { summary: 'Withdraw my consent for this child', tags, security: bearer, params: IdParams, response: noContent },
    },
    async (request, reply) => {
      await withdrawConsent(ctx, requireParent(request.caller).parentId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/v1/children/:id',
    {
      schema: {
        summary: "Delete a child's account (any guardian, account password typed again); consent records are kept",
        tags,
        security: bearer,
        params: IdParams,
        body: PasswordAgainBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      await deleteChild(ctx, requireParent(request.caller).parentId, request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/v1/notices',
    {
      schema: {
        summary: "What happened in my children's families, newest first",
        tags,
        security: bearer,
        querystring: NoticeListQuery,
        response: responses({ 200: NoticeList }),
      },
    },
    async (request) => {
      const parentId = requireParent(request.caller).parentId;
      const limit = Math.min(Number(request.query.limit ?? DEFAULT_NOTICES), MAX_NOTICES);
      const version = request.appVersion;
      const notices = await listNotices(ctx, parentId, limit);
      // An older app refuses a list with a kind it does not know: it gets the kinds it reads.
      return { notices: version === undefined ? notices : notices.filter((n) => readsNoticeKind(version, n.kind)) };
    },
  );
};
