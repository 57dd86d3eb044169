import fp from 'fastify-plugin';
import { ErrorCode, HearthError, httpStatusFor, type ErrorBody } from '@hearth/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isClientGone } from './raw-refusals';

function fromFastifyError(err: FastifyError): { status: number; body: ErrorBody } | undefined {
  if (err.validation) {
    const where = err.validationContext ?? 'request';
    return { status: 400, body: { code: ErrorCode.ValidationFailed, message: `Invalid ${where}: ${err.message}` } };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { code: ErrorCode.PayloadTooLarge, message: 'The request is too large.' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: { code: ErrorCode.UnsupportedMediaType, message: 'Send JSON (Content-Type: application/json).' },
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: { code: ErrorCode.MalformedRequest, message: 'The request body is not valid JSON.' } };
    default:
      break;
  }
  if (err.statusCode === 429) {
    return {
      status: 429,
      body: { code: ErrorCode.RateLimited, message: 'Too many requests. Please wait a little and try again.' },
    };
  }
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
    return {
      status: err.statusCode,
      body: { code: ErrorCode.MalformedRequest, message: 'The request could not be understood.' },
    };
  }
  return undefined;
}

const INTERNAL: ErrorBody = { code: ErrorCode.Internal, message: 'Something went wrong on the relay.' };
const CUT_OFF: ErrorBody = { code: ErrorCode.MalformedRequest, message: 'The request was cut off before its end.' };

/** The error body for a bare status some library replied with. */
function bodyForStatus(status: number, request: FastifyRequest): ErrorBody {
  if (status === 404) return { code: ErrorCode.NotFound, message: `No route ${request.method} ${request.url.split('?')[0]}` };
  if (status >= 500) return INTERNAL;
  return { code: ErrorCode.MalformedRequest, message: 'The request could not be understood.' };
}

/**
 * Fastify's `frameworkErrors` option: requests refused before any route is found (a URL that
 * does not decode) get the same `{ error: { code, message } }` shape as everything else.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const mapped = fromFastifyError(err) ?? { status: 500, body: INTERNAL };
  request.log.info({ code: mapped.body.code, err: err.message }, 'request refused');
  void reply.status(mapped.status).send({ error: mapped.body });
}

/**
 * One error handler for the whole relay: every failure becomes `{ error: { code, message } }`
 * with a stable code; 5xx details go to the log, never to the client. A client's own mistakes
 * (a body cut off mid-way) go to the rate-capped `app.clientMistakes` log, without a stack.
 */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError | HearthError, request, reply) => {
      if (err instanceof HearthError) {
        const retry = err.details?.retryAfterMs;
        if (typeof retry === 'number') void reply.header('retry-after', Math.ceil(retry / 1000));
        request.log.info({ code: err.code }, 'request refused');
        return reply.status(httpStatusFor(err.code)).send({ error: err.toBody() });
      }
      if (isClientGone(err, request)) {
        // The client hung up mid-body or broke its chunked encoding: nobody is left to answer.
        app.clientMistakes(
          { code: err.code, err: err.message, reqId: request.id, url: request.url.split('?')[0] },
          'request cut off',
        );
        return reply.status(400).send({ error: CUT_OFF });
      }
      const mapped = fromFastifyError(err);
      if (mapped) {
        request.log.info({ code: mapped.body.code, err: err.message }, 'request refused');
        return reply.status(mapped.status).send({ error: mapped.body });
      }
      request.log.error({ err }, 'unhandled error');
      return reply.status(500).send({ error: INTERNAL });
    });
    // A refusal sent with no body (e.g. @fastify/websocket's 404 to a plain GET of a WebSocket
    // address) still gets the error shape.
    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode < 400 || (payload !== undefined && payload !== null && payload !== '')) return payload;
      void reply.header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify({ error: bodyForStatus(reply.statusCode, request) });
    });
    app.setNotFoundHandler((request, reply) => {
      return reply
        .status(404)
        .send({ error: { code: ErrorCode.NotFound, message: `No route ${request.method} ${request.url.split('?')[0]}` } });
    });
  },
  { name: 'hearth-errors', dependencies: ['hearth-client-mistakes'] },
);
