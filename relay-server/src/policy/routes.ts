import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ErrorCode,
  HearthError,
  PolicyInfo,
  PolicyQuery,
  PolicyText,
  PolicyVersionParams,
  RETENTION_TABLE,
} from '@hearth/common';
import { responses } from '../responses';
import { readPolicyLibrary } from './policy-files';

/**
 * The privacy policy: the current version (its text with `?lang=`, only its version without, as
 * apps before 0.2.0 read it) and any published version by id. The draft (`next/`) is never served.
 * The current one's text also carries the retention table (F16), the one the sweepers enforce.
 */
export const policyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = app.relay.config;
  const library = readPolicyLibrary(config.policyDir, { version: config.policyVersion, publishedAt: config.policyPublishedAt });

  app.get(
    '/v1/policy',
    {
      schema: {
        summary: 'The current privacy policy: its version, and its text with ?lang=',
        tags: ['accounts'],
        querystring: PolicyQuery,
        response: responses({ 200: Type.Union([PolicyText, PolicyInfo]) }),
      },
    },
    async (request) => {
      const lang = request.query.lang;
      if (lang === undefined) return { version: config.policyVersion, publishedAt: config.policyPublishedAt };
      const current = library.get(config.policyVersion);
      if (!current) throw new HearthError(ErrorCode.Internal, 'The current privacy policy is missing.');
      return { ...current[lang], retention: [...RETENTION_TABLE] };
    },
  );

  app.get(
    '/v1/policy/:version',
    {
      schema: {
        summary: 'One published version of the privacy policy (English unless ?lang=es)',
        tags: ['accounts'],
        params: PolicyVersionParams,
        querystring: PolicyQuery,
        response: responses({ 200: PolicyText }),
      },
    },
    async (request) => {
      const found = library.get(request.params.version);
      if (!found) throw new HearthError(ErrorCode.NotFound, 'No such version of the privacy policy.');
      return found[request.query.lang ?? 'en'];
    },
  );
};
