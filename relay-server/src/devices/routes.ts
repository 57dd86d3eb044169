import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AddDeviceChildBody,
  DeviceList,
  EnrollDeviceBody,
  EnrollDeviceResult,
  IdParams,
  ParentComputerList,
  ParentDeviceResult,
  RegisterParentDeviceBody,
  RevokeDeviceQuery,
  Ulid,
  closed,
} from '@hearth/common';
import { requireParent } from '../auth/callers';
import { addDeviceChild, enrollDevice, listDevices, removeDevice, removeDeviceChild } from './service';
import { listParentComputers, registerParentDevice } from './parent-devices';
import { bearer, responses } from '../responses';

const DeviceChildParams = Type.Object({ id: Ulid, childId: Ulid }, closed);

/** Enrolling family PCs and revoking them; parent-mode PCs as parent devices. Parent sessions only. */
export const deviceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  const tags = ['devices'];

  app.post(
    '/v1/devices',
    {
      schema: {
        summary: 'Enroll a PC for some children',
        tags,
        security: bearer,
        body: EnrollDeviceBody,
        response: responses({ 201: EnrollDeviceResult }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await enrollDevice(ctx, requireParent(request.caller).parentId, request.body)),
  );

  app.post(
    '/v1/parent-devices',
    {
      schema: {
        summary: 'Make this parent session a parent device (a parent-mode PC) that messages are delivered to',
        tags,
        security: bearer,
        body: RegisterParentDeviceBody,
        response: responses({ 200: ParentDeviceResult }),
      },
    },
    async (request) => registerParentDevice(ctx, requireParent(request.caller), request.body),
  );

  app.get(
    '/v1/parent-devices',
    {
      schema: {
        summary: "The grown-up's own parent-mode PCs still signed in, with the day each was last seen",
        tags,
        security: bearer,
        response: responses({ 200: ParentComputerList }),
      },
    },
    async (request) => listParentComputers(ctx, requireParent(request.caller)),
  );

  app.get(
    '/v1/devices',
    { schema: { summary: "The parent's enrolled PCs", tags, security: bearer, response: responses({ 200: DeviceList }) } },
    async (request) => ({ devices: await listDevices(ctx, requireParent(request.caller).parentId) }),
  );

  app.post(
    '/v1/devices/:id/children',
    {
      schema: {
        summary: 'Add a child to an enrolled PC',
        tags,
        security: bearer,
        params: IdParams,
        body: AddDeviceChildBody,
        response: responses({ 201: EnrollDeviceResult }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addDeviceChild(ctx, requireParent(request.caller).parentId, request.params.id, request.body.childId)),
  );

  app.delete(
    '/v1/devices/:id',
    {
      schema: {
        summary: "Revoke a PC and every credential on it (`erase`: it also erases Hearth's data when it next calls)",
        tags,
        security: bearer,
        params: IdParams,
        querystring: RevokeDeviceQuery,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await removeDevice(ctx, requireParent(request.caller).parentId, request.params.id, request.query.erase === 'true');
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/v1/devices/:id/children/:childId',
    {
      schema: {
        summary: "Revoke one child's credential on a PC (`erase`: that PC also erases the child's data)",
        tags,
        security: bearer,
        params: DeviceChildParams,
        querystring: RevokeDeviceQuery,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await removeDeviceChild(
        ctx,
        requireParent(request.caller).parentId,
        request.params.id,
        request.params.childId,
        request.query.erase === 'true',
      );
      return reply.status(204).send(null);
    },
  );
};
