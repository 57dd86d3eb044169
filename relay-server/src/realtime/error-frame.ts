import type { ErrorCode, WsServerFrame } from '@hearth/common';

/** An `error` frame; `ref` names the message it is about. */
export function errorFrame(code: ErrorCode, message: string, ref?: string, retryAfterMs?: number): WsServerFrame {
  return {
    type: 'error',
    code,
    message,
    ...(ref !== undefined ? { ref } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}
