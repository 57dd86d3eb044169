import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PasswordAgainBody } from '@hearth/common';
import { requireParent } from '../auth/callers';
import { bearer, responses } from '../responses';
import { deleteOwnAccount } from './delete-grown-up';

/** `DELETE /v1/me` (F12, issue 15): a grown-up deletes their own account, password typed again. */
export const deleteMeRoute: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  app.delete(
    '/v1/me',
    {
      schema: {
        summary:
          'Delete my grown-up account (account password typed again): children for whom I am the last guardian go with it; consent records are kept, ids only',
        tags: ['family'],
        security: bearer,
        body: PasswordAgainBody,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await deleteOwnAccount(ctx, requireParent(request.caller).parentId, request.body.password);
      return reply.status(204).send(null);
    },
  );
};
