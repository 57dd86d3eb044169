import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AttachmentRef, ErrorCode, HearthError, Sha256Hex, closed } from '@hearth/common';
import { requireCaller, type RequestCaller } from '../auth/callers';
import { bearer, responses } from '../responses';
import { createBlobStoreFor } from './blob-store';
import { ensureRoomFor } from './quota';

const HashParams = Type.Object({ hash: Sha256Hex }, closed);

const accountOf = (caller: RequestCaller): string => (caller.kind === 'child' ? caller.childId : caller.parentId);

const NOT_FOUND = 'No such attachment, or it is not yours to see.';
/** Uploads per account per minute (each up to `attachmentMaxBytes`). */
const UPLOADS_PER_MINUTE = 30;

/**
 * Attachments: streamed upload checked by its own bytes (never the declared type), stored by
 * SHA-256; downloadable only by the sender and the recipient of a queued message that carries it.
 * Each account has a storage quota and the relay a configured total (QUOTA_EXCEEDED, STORAGE_FULL).
 */
export const attachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  const maxBytes = ctx.config.messaging.attachmentMaxBytes;
  const blobs = createBlobStoreFor(ctx.config, ctx.store);
  const tags = ['attachments'];

  // Only in this plugin: every body arrives as a raw stream, whatever its declared type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.post(
    '/v1/attachments',
    {
      schema: {
        summary: 'Upload a photo, voice or video attachment (raw bytes as the body)',
        description: `Photos: JPEG, PNG, GIF, WebP. Voice and video: WebM, Ogg, MP4. Up to ${maxBytes} bytes.`,
        tags,
        security: bearer,
        response: responses({ 201: AttachmentRef }),
      },
      config: { rateLimit: { max: UPLOADS_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const caller = requireCaller(request.caller);
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > maxBytes) {
        void reply.header('connection', 'close');
        throw new HearthError(
          ErrorCode.PayloadTooLarge,
          `This file is too big. The largest is ${Math.floor(maxBytes / (1024 * 1024))} MB.`,
        );
      }
      // Room is checked once the bytes are in: the same file again takes no room, whatever its size.
      const accountId = accountOf(caller);
      let blob;
      try {
        blob = await blobs.receive(request.body as Readable, maxBytes);
      } catch (err) {
        void reply.header('connection', 'close');
        throw err;
      }
      // Room, commit and record in one transaction: on SQLite (folder blobs, a synchronous rename)
      // nothing runs in between, so the sweeper never sees a file without its row.
      try {
        await ctx.store.transaction(async (tx) => {
          await ensureRoomFor(tx, ctx.config.messaging, { accountId, size: blob.size, hash: blob.hash });
          await blobs.commit(blob);
          await tx.attachments.recordUpload({ hash: blob.hash, size: blob.size, mime: blob.mime, accountId, now: ctx.now() });
        });
      } catch (err) {
        await blobs.discard(blob);
        throw err;
      }
      return reply.status(201).send({ hash: blob.hash, size: blob.size, mime: blob.mime });
    },
  );

  app.get(
    '/v1/attachments/:hash',
    {
      schema: {
        summary: 'Download an attachment of a message you sent or received',
        tags,
        security: bearer,
        params: HashParams,
        response: responses({ 200: Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'The bytes' }) }),
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request.caller);
      const { hash } = request.params;
      const row = await ctx.store.attachments.getAttachment(hash);
      if (!row || !(await ctx.store.messages.mayReadAttachment(hash, accountOf(caller)))) {
        throw new HearthError(ErrorCode.NotFound, NOT_FOUND);
      }
      const stream = await blobs.open(hash);
      if (!stream) {
        request.log.error({ hash }, 'an attachment row has no blob');
        throw new HearthError(ErrorCode.NotFound, NOT_FOUND);
      }
      return reply
        .header('content-type', row.mime)
        .header('content-length', row.size)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'attachment')
        .send(stream);
    },
  );
};
