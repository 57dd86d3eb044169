import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CheckEmail,
  CompletePasswordResetBody,
  PasswordResetStarted,
  ResendVerificationBody,
  SessionGrant,
  StartPasswordResetBody,
  VerifyEmailBody,
} from '@hearth/common';
import { responses } from '../responses';
import { completePasswordReset, resendVerification, startPasswordReset, verifyEmail } from './service';

const MINUTE = 60_000;

/**
 * Verified email and "forgot password" (issue 12). Every answer is the same whatever the address;
 * codes are tried at most `signInPerMinute` times a minute from one address (and five times each).
 */
export const emailRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.relay;
  const limits = ctx.config.rateLimits;
  const codeTries = {
    rateLimit: { max: limits.signInPerMinute, timeWindow: MINUTE, keyGenerator: (r: { ip: string }) => `code:${r.ip}` },
  };
  const sends = {
    rateLimit: { max: limits.registerPerHour, timeWindow: 60 * MINUTE, keyGenerator: (r: { ip: string }) => `mail:${r.ip}` },
  };

  app.post(
    '/v1/email-verifications',
    {
      schema: {
        summary: 'Verify an email with the emailed code; signs the grown-up in',
        tags: ['accounts'],
        body: VerifyEmailBody,
        response: responses({ 201: SessionGrant }),
      },
      config: codeTries,
    },
    async (request, reply) => reply.status(201).send(await verifyEmail(ctx, request.body)),
  );

  app.post(
    '/v1/email-verifications/resend',
    {
      schema: {
        summary: 'Send a new verification code (the same answer for any address)',
        tags: ['accounts'],
        body: ResendVerificationBody,
        response: responses({ 202: CheckEmail }),
      },
      config: sends,
    },
    async (request, reply) => reply.status(202).send(resendVerification(ctx, request.body)),
  );

  app.post(
    '/v1/password-resets',
    {
      schema: {
        summary: '"Forgot password": a code by email, or ask the operator where the relay sends no email',
        tags: ['accounts'],
        body: StartPasswordResetBody,
        response: responses({ 202: PasswordResetStarted }),
      },
      config: sends,
    },
    async (request, reply) => reply.status(202).send(startPasswordReset(ctx, request.body)),
  );

  app.post(
    '/v1/password-resets/complete',
    {
      schema: {
        summary: 'A reset code and a new password: every earlier session ends; signs the grown-up in',
        tags: ['accounts'],
        body: CompletePasswordResetBody,
        response: responses({ 201: SessionGrant }),
      },
      config: codeTries,
    },
    async (request, reply) => reply.status(201).send(await completePasswordReset(ctx, request.body)),
  );
};
