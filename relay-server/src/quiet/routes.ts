import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ContactWindowsBody,
  ExtraMinutesBody,
  IdParams,
  QuietNowBody,
  QuietReachBody,
  QuietSchedule,
  QuietView,
  TimeZoneBody,
  Ulid,
  closed,
} from '@hearth/common';
import { requireParent } from '../auth/callers';
import { bearer, responses } from '../responses';
import { extraMinutes, putContactWindows, putSchedule, quietNow, quietView, setMyReach, setTimeZone } from './service';

const ContactParams = Type.Object({ id: Ulid, contactId: Ulid }, closed);

/** Quiet hours and daily time (issue 14, F14): a guardian's session only; a child's credential gets 403. */
export const quietRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  const tags = ['quiet'];
  const view = responses({ 200: QuietView });

  app.get(
    '/v1/children/:id/quiet',
    {
      schema: {
        summary: "A child's quiet hours, daily time and where the child stands now (a guardian of the child only)",
        tags,
        security: bearer,
        params: IdParams,
        response: view,
      },
    },
    async (request) => quietView(ctx, requireParent(request.caller).parentId, request.params.id),
  );

  app.put(
    '/v1/children/:id/quiet',
    {
      schema: {
        summary: 'Set the weekly quiet windows, the daily limit and whether trusted grown-ups pass (SCHEDULE_OVERLAP)',
        tags,
        security: bearer,
        params: IdParams,
        body: QuietSchedule,
        response: view,
      },
    },
    async (request) => putSchedule(ctx, requireParent(request.caller).parentId, request.params.id, request.body),
  );

  app.put(
    '/v1/children/:id/quiet/contacts/:contactId',
    {
      schema: {
        summary: 'Windows in which one contact may reach the child (null: no narrowing)',
        tags,
        security: bearer,
        params: ContactParams,
        body: ContactWindowsBody,
        response: view,
      },
    },
    async (request) =>
      putContactWindows(
        ctx,
        requireParent(request.caller).parentId,
        request.params.id,
        request.params.contactId,
        request.body.allowed,
      ),
  );

  app.post(
    '/v1/children/:id/quiet/now',
    {
      schema: {
        summary: 'Quiet from now until a time today (or tomorrow once passed); TIME_NOT_IN_DAY for a skipped time',
        tags,
        security: bearer,
        params: IdParams,
        body: QuietNowBody,
        response: view,
      },
    },
    async (request) => quietNow(ctx, requireParent(request.caller).parentId, request.params.id, request.body.until),
  );

  app.post(
    '/v1/children/:id/quiet/extra-minutes',
    {
      schema: {
        summary: '15 or 30 more minutes today',
        tags,
        security: bearer,
        params: IdParams,
        body: ExtraMinutesBody,
        response: view,
      },
    },
    async (request) => extraMinutes(ctx, requireParent(request.caller).parentId, request.params.id, request.body.minutes),
  );

  app.put(
    '/v1/children/:id/time-zone',
    {
      schema: {
        summary: "The child's IANA time zone, or every one of the caller's children's (TIME_ZONE_UNKNOWN)",
        tags,
        security: bearer,
        params: IdParams,
        body: TimeZoneBody,
        response: view,
      },
    },
    async (request) =>
      setTimeZone(
        ctx,
        requireParent(request.caller).parentId,
        request.params.id,
        request.body.timeZone,
        request.body.wholeFamily ?? false,
      ),
  );

  app.put(
    '/v1/children/:id/quiet/my-reach',
    {
      schema: {
        summary: 'Whether the calling guardian reaches the child (and is reached) during quiet time',
        tags,
        security: bearer,
        params: IdParams,
        body: QuietReachBody,
        response: view,
      },
    },
    async (request) => setMyReach(ctx, requireParent(request.caller).parentId, request.params.id, request.body.reach),
  );
};
