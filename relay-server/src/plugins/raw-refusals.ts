import type { Duplex } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { ErrorCode, type ErrorBody } from '@hearth/common';
import type { ClientMistakes } from './client-mistakes';

type ConnectionError = Error & { code?: string };

/** Error codes that mean the client went away mid-request (or sent a body that does not parse). */
const CLIENT_GONE: ReadonlySet<string> = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/** True when an error that reached a route came from the client hanging up or breaking its body. */
export function isClientGone(err: Readonly<{ code?: unknown }>, request: FastifyRequest): boolean {
  return typeof err.code === 'string' && CLIENT_GONE.has(err.code) && (request.raw.destroyed || request.raw.socket.destroyed);
}

/** An answer written straight to a socket, before or outside Fastify's routing. */
export type RawRefusal = Readonly<{
  status: number;
  reason: string;
  body: ErrorBody;
  headers?: Readonly<Record<string, string>>;
}>;

/** Writes the refusal in the relay's `{ error: { code, message } }` shape and ends the connection. */
export function writeRefusal(socket: Duplex, refusal: RawRefusal): void {
  const body = JSON.stringify({ error: refusal.body });
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
    ...refusal.headers,
  };
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${refusal.status} ${refusal.reason}\r\n${lines.join('')}\r\n${body}`);
}

/** `ws` refuses a handshake with one of a few sentences; the wrong method is 405, the rest 400. */
export function handshakeRefusal(message: string): RawRefusal {
  if (message === 'Invalid HTTP method') {
    return {
      status: 405,
      reason: 'Method Not Allowed',
      body: { code: ErrorCode.MalformedRequest, message: 'A WebSocket opens with GET.' },
    };
  }
  return {
    status: 400,
    reason: 'Bad Request',
    body: { code: ErrorCode.MalformedRequest, message: `Not a WebSocket handshake: ${message}.` },
    ...(message.includes('Sec-WebSocket-Version') ? { headers: { 'Sec-WebSocket-Version': '13, 8' } } : {}),
  };
}

/** The status line and body for an error found before routing, in the relay's error shape. */
function refusalFor(err: ConnectionError): RawRefusal {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        reason: 'Request Header Fields Too Large',
        body: { code: ErrorCode.PayloadTooLarge, message: 'The request headers are too large.' },
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        reason: 'Request Timeout',
        body: { code: ErrorCode.MalformedRequest, message: 'The request took too long to arrive.' },
      };
    default:
      return {
        status: 400,
        reason: 'Bad Request',
        body: { code: ErrorCode.MalformedRequest, message: 'The request could not be understood.' },
      };
  }
}

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses (malformed request
 * line, headers too large, a broken chunked body) is answered in the relay's
 * `{ error: { code, message } }` shape and logged as a client mistake.
 */
export function clientErrorHandler(this: FastifyInstance, err: ConnectionError, socket: Duplex): void {
  // Undefined only for an error before the plugins have loaded (never: the relay listens after).
  const mistakes: ClientMistakes | undefined = this.clientMistakes;
  if (err.code === 'ECONNRESET' || socket.destroyed) {
    // A connection reset is how clients often leave: nothing to answer, nothing worth a line.
    socket.destroy();
    return;
  }
  const refusal = refusalFor(err);
  mistakes?.({ code: err.code, err: err.message, status: refusal.status }, 'request refused by the HTTP parser');
  writeRefusal(socket, refusal);
}

/**
 * `@fastify/websocket`'s `errorHandler`: a frame over the size limit, invalid UTF-8 or any other
 * protocol error (`WS_ERR_*`) is the client's mistake; `ws` has already begun closing with the
 * matching status (1009, 1007, 1002…), which the client sees. Anything else is the relay's own
 * failure: logged with its stack, and the socket is cut.
 */
export function websocketErrorHandler(
  this: FastifyInstance,
  error: ConnectionError,
  socket: WebSocket,
  request: FastifyRequest,
): void {
  const code = error.code;
  if (typeof code === 'string' && (code.startsWith('WS_ERR_') || CLIENT_GONE.has(code))) {
    this.clientMistakes(
      { code, err: error.message, reqId: request.id, url: request.url.split('?')[0] },
      'websocket refused a frame',
    );
    if (!code.startsWith('WS_ERR_')) socket.terminate();
    return;
  }
  request.log.error({ err: error }, 'websocket handler failed');
  socket.terminate();
}
