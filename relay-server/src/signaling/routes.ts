import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IceConfig, SignalingGrant, SignalingPeers } from '@hearth/common';
import { requireCaller } from '../auth/callers';
import { friendPeersOf } from './friend-peers';
import { issueSignalingGrant } from './grants';
import { iceConfigFor } from './ice-config';
import { bearer, responses } from '../responses';
import { quietStatusOnDevice } from '../quiet/device-floor';

/** What a device needs before a call: a signaling grant for its peer id, and ICE servers. */
export const signalingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  const tags = ['calls'];

  app.post(
    '/v1/signaling/session',
    {
      schema: {
        summary: "A short-lived token for the PeerJS socket, as the caller's account peer id",
        description:
          "A child's device credential, or a parent session (parent mode). Give peerId, token, path and key " +
          'to the PeerJS client; ask again before each reconnect.',
        tags,
        security: bearer,
        response: responses({ 201: SignalingGrant }),
      },
    },
    async (request, reply) => reply.status(201).send(await issueSignalingGrant(ctx, requireCaller(request.caller))),
  );

  app.get(
    '/v1/ice',
    {
      schema: {
        summary: 'ICE servers for calls, with time-limited TURN credentials',
        tags,
        security: bearer,
        response: responses({ 200: IceConfig }),
      },
    },
    async (request) => {
      const caller = requireCaller(request.caller);
      if (caller.kind !== 'child') return iceConfigFor(ctx.config.ice, caller.parentId, ctx.now());
      // A child's TURN credentials expire at its next quiet start: no new relay allocation in quiet
      // time, this PC's quiet-hours floor (its machine policy, issue 17) included.
      const status = await quietStatusOnDevice(ctx, caller.childId, caller.deviceId);
      const now = ctx.now();
      const notAfter = status.quiet ? now : status.startsInMs === null ? undefined : now + status.startsInMs;
      return iceConfigFor(ctx.config.ice, caller.childId, now, notAfter);
    },
  );

  app.get(
    '/v1/signaling/peers',
    {
      schema: {
        summary: 'The peer ids of the accounts the caller may call',
        description:
          "Active friends (and a parent's own children, or a child's parents): what a device dials, and how it " +
          'tells who is calling. A friend the caller blocked is left out.',
        tags,
        security: bearer,
        response: responses({ 200: SignalingPeers }),
      },
    },
    async (request) => friendPeersOf(ctx, requireCaller(request.caller)),
  );
};
