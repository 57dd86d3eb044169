import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  ATTACHMENT_MIME_TYPES,
  ErrorCode,
  HearthError,
  ForwardReportBody,
  IdParams,
  REPORT_LIMITS,
  ReportAccepted,
  ReportDetail,
  ReportFileParams,
  ReportList,
  ReportListQuery,
  ReportSubmission,
  SharedReportList,
} from '@hearth/common';
import { requireChild, requireParent } from '../auth/callers';
import { bearer, responses } from '../responses';
import {
  forwardReport,
  listReports,
  listSharedReports,
  reportDetail,
  reportFile,
  shareReport,
  sharedReportFile,
  submitReport,
  unblockReport,
  uploadReportFile,
} from './service';

const Bytes = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The bytes' });
const NoContent = Type.Null();

/** Reports a child submits per minute (their files come apart); the hourly and daily limits are the service's. */
const SUBMISSIONS_PER_MINUTE = 40;

function sendFile(reply: FastifyReply, file: { bytes: Buffer; mime: string }): FastifyReply {
  return reply
    .header('content-type', file.mime)
    .header('cache-control', 'private, no-store')
    .header('content-disposition', 'attachment')
    .send(file.bytes);
}

/**
 * Reports (issue 15, F11): the reporting child's PC sends one and its files; the child's guardians
 * read, unblock, forward to the moderators or share with the reported child's guardians; those
 * read what was shared with them. Never shown to a guardian who is the one reported.
 */
export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  const tags = ['reports'];

  app.post(
    '/v1/reports',
    {
      schema: {
        summary:
          "Report someone (the reporting child's own credential): blocked or removed at once, told to the child's guardians",
        tags,
        security: bearer,
        body: ReportSubmission,
        response: responses({ 200: ReportAccepted, 201: ReportAccepted }),
      },
      config: { rateLimit: { max: SUBMISSIONS_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const { created, answer } = await submitReport(ctx, requireChild(request.caller), request.body);
      return reply.status(created ? 201 : 200).send(answer);
    },
  );

  // The evidence's bytes: only this route takes the attachment types, as a buffer, up to the evidence limit.
  const fileRoutes: FastifyPluginAsyncTypebox = async (files) => {
    files.addContentTypeParser(
      [...ATTACHMENT_MIME_TYPES],
      { parseAs: 'buffer', bodyLimit: REPORT_LIMITS.evidenceBytes },
      (_request, body, done) => done(null, body),
    );
    files.put(
      '/v1/reports/:id/files/:hash',
      {
        bodyLimit: REPORT_LIMITS.evidenceBytes,
        schema: {
          summary: "Upload one file the report lists (the reporting child's credential; raw bytes, its own type)",
          tags,
          security: bearer,
          params: ReportFileParams,
          response: responses({ 204: NoContent }),
        },
      },
      async (request, reply) => {
        const caller = requireChild(request.caller);
        const body = request.body;
        if (!Buffer.isBuffer(body)) {
          throw new HearthError(ErrorCode.UnsupportedMediaType, 'Send the file as its own type.');
        }
        const { id, hash } = request.params;
        await uploadReportFile(ctx, caller, id, hash, request.headers['content-type'], body);
        return reply.status(204).send(null);
      },
    );
  };
  await app.register(fileRoutes);

  app.get(
    '/v1/reports',
    {
      schema: {
        summary: "The reports your children made (a guardian's session; never one about you)",
        tags,
        security: bearer,
        querystring: ReportListQuery,
        response: responses({ 200: ReportList }),
      },
    },
    async (request) => ({ reports: await listReports(ctx, requireParent(request.caller), request.query.childId) }),
  );

  app.get(
    '/v1/reports/:id',
    {
      schema: {
        summary: 'One report with its evidence (a guardian of the reporting child)',
        tags,
        security: bearer,
        params: IdParams,
        response: responses({ 200: ReportDetail }),
      },
    },
    async (request) => reportDetail(ctx, requireParent(request.caller), request.params.id),
  );

  app.get(
    '/v1/reports/:id/files/:hash',
    {
      schema: {
        summary: "One of a report's files (a guardian of the reporting child)",
        tags,
        security: bearer,
        params: ReportFileParams,
        response: responses({ 200: Bytes }),
      },
    },
    async (request, reply) =>
      sendFile(reply, await reportFile(ctx, requireParent(request.caller), request.params.id, request.params.hash)),
  );

  const action = (
    name: 'unblock' | 'forward' | 'share',
    summary: string,
    run: (parent: ReturnType<typeof requireParent>, id: string, body: ForwardReportBody | undefined) => Promise<void>,
  ): void => {
    app.post(
      `/v1/reports/:id/${name}`,
      {
        schema: {
          summary,
          tags,
          security: bearer,
          params: IdParams,
          ...(name === 'forward' ? { body: ForwardReportBody } : {}),
          response: responses({ 204: NoContent }),
        },
      },
      async (request, reply) => {
        await run(requireParent(request.caller), request.params.id, request.body as ForwardReportBody | undefined);
        return reply.status(204).send(null);
      },
    );
  };
  action('unblock', 'Lift the block the report made (a guardian of the reporting child)', (p, id) => unblockReport(ctx, p, id));
  action('forward', "Send the report to the relay's moderators, with a note (once)", (p, id, body) =>
    forwardReport(ctx, p, id, body?.note),
  );
  action('share', "Send the report to the reported child's guardians (rate-limited per family)", (p, id) =>
    shareReport(ctx, p, id),
  );

  app.get(
    '/v1/shared-reports',
    {
      schema: {
        summary: 'Reports other families shared about your children (the reporting child’s first name and the evidence)',
        tags,
        security: bearer,
        response: responses({ 200: SharedReportList }),
      },
    },
    async (request) => ({ reports: await listSharedReports(ctx, requireParent(request.caller)) }),
  );

  app.get(
    '/v1/shared-reports/:id/files/:hash',
    {
      schema: {
        summary: 'One file of a report shared with you (a guardian of the reported child)',
        tags,
        security: bearer,
        params: ReportFileParams,
        response: responses({ 200: Bytes }),
      },
    },
    async (request, reply) =>
      sendFile(reply, await sharedReportFile(ctx, requireParent(request.caller), request.params.id, request.params.hash)),
  );
};
