import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, UpdateDeviceInfoBody } from '@hearth/common';
import { requireChild } from '../auth/callers';
import { updateOwnDeviceInfo } from './computers';
import { bearer, responses } from '../responses';

/** Computers (F18): a PC tells the relay when its info changed (an update, another time zone). */
export const computerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;

  app.put(
    '/v1/devices/:id/info',
    {
      schema: {
        summary: "Replace this PC's info (OS and version, app version, language, time zone); its own device credential only",
        tags: ['devices'],
        security: bearer,
        params: IdParams,
        body: UpdateDeviceInfoBody,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await updateOwnDeviceInfo(ctx, requireChild(request.caller), request.params.id, request.body.info);
      return reply.status(204).send(null);
    },
  );
};
