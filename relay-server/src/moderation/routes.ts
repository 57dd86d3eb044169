import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AdminIdParams,
  AdminNoteBody,
  AdminReportListQuery,
  AuditList,
  BanEmailBody,
  BanEmailResult,
  CloseAccountBody,
  ErrorCode,
  HearthError,
  LegalHoldBody,
  LiftBanBody,
  ModeratorSessionGrant,
  ModeratorSignInBody,
  ReportFileParams,
  SuspendBody,
} from '@hearth/common';
import { Type } from 'typebox';
import { bearer, responses } from '../responses';
import { resolveModerator, startModeratorSession, type ModeratorCaller } from './moderators';
import {
  banEmail,
  closeAccount,
  closeReport,
  liftBan,
  liftSuspension,
  listReports,
  readReport,
  readReportFile,
  setLegalHold,
  suspendAccount,
} from './actions';

declare module 'fastify' {
  interface FastifyRequest {
    /** The moderator behind an `md_` bearer token on `/admin/v1` (F16); never a family credential. */
    moderator: ModeratorCaller | undefined;
  }
}

const MINUTE = 60_000;

/**
 * The moderators' admin API (F16) on its own prefix, `/admin/v1`: a moderator's session token
 * (`POST /admin/v1/sessions`) and nothing else opens it. A family token is refused here
 * (UNAUTHENTICATED) and a moderator token on `/v1` is nobody. Every action writes the audit log.
 */
export const moderationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  const tags = ['moderation'];
  app.decorateRequest('moderator', undefined);

  const moderatorOf = async (request: { headers: { authorization?: string | undefined } }): Promise<ModeratorCaller> => {
    const m = await resolveModerator(ctx, request.headers.authorization);
    if (!m) throw new HearthError(ErrorCode.Unauthenticated, 'Please sign in as a moderator.');
    return m;
  };
  // onRequest (before the body is validated): a caller who is no moderator learns nothing more than 401.
  const signedIn = {
    onRequest: async (request: { headers: { authorization?: string | undefined }; moderator: ModeratorCaller | undefined }) => {
      request.moderator = await moderatorOf(request);
    },
  };
  const who = (request: { moderator: ModeratorCaller | undefined }): string => (request.moderator as ModeratorCaller).moderatorId;
  const ok = { 204: Type.Null() };

  app.post(
    '/admin/v1/sessions',
    {
      schema: {
        summary: 'Sign a moderator in',
        tags,
        body: ModeratorSignInBody,
        response: responses({ 201: ModeratorSessionGrant }),
      },
      config: {
        rateLimit: { max: ctx.config.rateLimits.signInPerMinute, timeWindow: MINUTE, keyGenerator: (r) => `mod-signin:${r.ip}` },
      },
    },
    async (request, reply) => reply.status(201).send(await startModeratorSession(ctx, request.body.email, request.body.password)),
  );

  app.delete(
    '/admin/v1/sessions/current',
    { ...signedIn, schema: { summary: "End this moderator's session", tags, security: bearer, response: responses(ok) } },
    async (request, reply) => {
      await ctx.store.moderation.revokeModeratorSession((request.moderator as ModeratorCaller).sessionId, ctx.now());
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/admin/v1/reports',
    {
      ...signedIn,
      schema: {
        summary: 'The reports forwarded to the moderators (never the others)',
        tags,
        security: bearer,
        querystring: AdminReportListQuery,
        response: responses({ 200: Type.Object({ reports: Type.Array(Type.Unknown()) }) }),
      },
    },
    async (request) => ({ reports: await listReports(ctx, request.query.includeClosed === true) }),
  );

  app.get(
    '/admin/v1/reports/:id',
    {
      ...signedIn,
      schema: {
        summary: 'A forwarded report with its evidence and franking verdicts',
        tags,
        security: bearer,
        params: AdminIdParams,
      },
    },
    async (request) => readReport(ctx, who(request), request.params.id),
  );

  app.get(
    '/admin/v1/reports/:id/files/:hash',
    {
      ...signedIn,
      schema: {
        summary: "One uploaded file of a forwarded report (the evidence's bytes)",
        tags,
        security: bearer,
        params: ReportFileParams,
        response: responses({ 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The bytes' }) }),
      },
    },
    async (request, reply) => {
      const file = await readReportFile(ctx, who(request), request.params.id, request.params.hash);
      return reply
        .header('content-type', file.mime)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'attachment')
        .send(file.bytes);
    },
  );

  app.post(
    '/admin/v1/reports/:id/close',
    {
      ...signedIn,
      schema: {
        summary: 'Close a forwarded report',
        tags,
        security: bearer,
        params: AdminIdParams,
        body: AdminNoteBody,
        response: responses(ok),
      },
    },
    async (request, reply) => {
      await closeReport(ctx, who(request), request.params.id, request.body.reason ?? null);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/admin/v1/reports/:id/legal-hold',
    {
      ...signedIn,
      schema: {
        summary: 'Set or lift a legal hold',
        tags,
        security: bearer,
        params: AdminIdParams,
        body: LegalHoldBody,
        response: responses(ok),
      },
    },
    async (request, reply) => {
      await setLegalHold(ctx, who(request), request.params.id, request.body.hold, request.body.reason ?? null);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/admin/v1/accounts/:id/suspension',
    {
      ...signedIn,
      schema: {
        summary: 'Suspend a child or grown-up',
        tags,
        security: bearer,
        params: AdminIdParams,
        body: SuspendBody,
        response: responses(ok),
      },
    },
    async (request, reply) => {
      await suspendAccount(ctx, who(request), request.params.id, request.body.category, request.body.reason);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/admin/v1/accounts/:id/suspension/lift',
    {
      ...signedIn,
      schema: {
        summary: 'Lift a suspension',
        tags,
        security: bearer,
        params: AdminIdParams,
        body: AdminNoteBody,
        response: responses(ok),
      },
    },
    async (request, reply) => {
      await liftSuspension(ctx, who(request), request.params.id, request.body.reason ?? null);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/admin/v1/accounts/:id/close',
    {
      ...signedIn,
      schema: {
        summary: 'Close (delete) an account',
        tags,
        security: bearer,
        params: AdminIdParams,
        body: CloseAccountBody,
        response: responses(ok),
      },
    },
    async (request, reply) => {
      await closeAccount(ctx, who(request), request.params.id, request.body.reason);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/admin/v1/email-bans',
    {
      ...signedIn,
      schema: {
        summary: 'Ban an email (kept as a keyed hash)',
        tags,
        security: bearer,
        body: BanEmailBody,
        response: responses({ 201: BanEmailResult }),
      },
    },
    async (request, reply) => {
      const { accountId } = await banEmail(ctx, who(request), request.body.email, request.body.reason);
      return reply.status(201).send({ accountExists: accountId !== null });
    },
  );

  app.post(
    '/admin/v1/email-bans/lift',
    { ...signedIn, schema: { summary: 'Lift an email ban', tags, security: bearer, body: LiftBanBody, response: responses(ok) } },
    async (request, reply) => {
      await liftBan(ctx, who(request), request.body.email, request.body.reason ?? null);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/admin/v1/audit',
    {
      ...signedIn,
      schema: { summary: 'The audit log, oldest first', tags, security: bearer, response: responses({ 200: AuditList }) },
    },
    async () => ({ entries: await ctx.store.moderation.listAudit() }),
  );
};
