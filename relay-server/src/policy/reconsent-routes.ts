import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ConsentHistory, IdParams, PolicyReview, PolicyReviewQuery, ReconsentBody, ReconsentResult } from '@hearth/common';
import { requireParent } from '../auth/callers';
import { bearer, responses } from '../responses';
import { readPolicyLibrary } from './policy-files';
import { consentHistoryOf, policyReview, reconsentAll } from './reconsent';

/** Every route of this plugin, for the authorization matrix (`authorization.int.test.ts`). */
export const RECONSENT_ROUTES = [
  'GET /v1/policy-review',
  'POST /v1/policy-review/consent',
  'GET /v1/children/:id/consent-history',
] as const;

/** Re-consent after a policy change (F15): grown-ups' sessions only. */
export const reconsentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  const config = ctx.config;
  const library = readPolicyLibrary(config.policyDir, { version: config.policyVersion, publishedAt: config.policyPublishedAt });
  const current = library.get(config.policyVersion);
  const tags = ['accounts'];

  app.get(
    '/v1/policy-review',
    {
      schema: {
        summary: "The current policy's changes, and which of my children wait for my consent to it",
        tags,
        security: bearer,
        querystring: PolicyReviewQuery,
        response: responses({ 200: PolicyReview }),
      },
    },
    async (request) =>
      policyReview(
        ctx,
        requireParent(request.caller).parentId,
        request.query.lang ?? 'en',
        (lang) => current?.[lang].changes ?? '',
      ),
  );

  app.post(
    '/v1/policy-review/consent',
    {
      schema: {
        summary: 'Consent to the current policy for every one of my children waiting for it',
        tags,
        security: bearer,
        body: ReconsentBody,
        response: responses({ 200: ReconsentResult }),
      },
    },
    async (request) => ({ consents: await reconsentAll(ctx, requireParent(request.caller).parentId, request.body.consent) }),
  );

  app.get(
    '/v1/children/:id/consent-history',
    {
      schema: {
        summary: "A child's consent records: which version, who, when, how (a guardian of the child only)",
        tags: ['family'],
        security: bearer,
        params: IdParams,
        response: responses({ 200: ConsentHistory }),
      },
    },
    async (request) => consentHistoryOf(ctx, requireParent(request.caller).parentId, request.params.id),
  );
};
