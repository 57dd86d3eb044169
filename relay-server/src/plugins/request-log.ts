import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The relay's pino options. Request logs name the route's pattern (`/v1/children/:id`), never
 * the URL as sent (ids, codes, queries), the client's address, port or Host, nor this machine's
 * name; secrets are redacted wherever else they appear.
 */
export function relayLoggerOptions(level: string): Record<string, unknown> {
  return {
    level,
    base: { pid: process.pid },
    redact: ['req.headers.authorization', 'req.body.password', '*.password', '*.token'],
    serializers: {
      req: (request: FastifyRequest): Readonly<{ method: string; route: string }> => ({
        method: request.method,
        route: request.routeOptions?.url ?? '(no route)',
      }),
      res: (reply: FastifyReply): Readonly<{ statusCode: number }> => ({ statusCode: reply.statusCode }),
    },
  };
}
