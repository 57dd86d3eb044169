import WebSocket from 'ws';
import { ErrorCode, HearthError, WsServerFrame, tolerantReader, type WsClientFrame } from '@hearth/common';
import type { RelayVersions } from './relay-versions';

const frames = tolerantReader(WsServerFrame);

/** How long one exchange from the grown-ups' pane may take. */
const EXCHANGE_TIMEOUT_MS = 15_000;

/** What one exchange gives back: when the relay stored the message it was waiting for, if any. */
export type PaneExchange = Readonly<{ sentAt: number | null }>;

/**
 * One short exchange on `/v1/ws` with the grown-up's held session, which is no device: it
 * receives and acknowledges nothing. Sends `frames` once welcomed; resolves when the relay
 * confirmed `awaitSent` (a message id) as stored, or, with none, when it answered a ping sent
 * after them (frames are handled in order). An error frame rejects with its code.
 */
export function paneExchange(
  deps: Readonly<{ wsUrl: string; versions?: RelayVersions }>,
  token: string,
  out: readonly WsClientFrame[],
  awaitSent?: string,
): Promise<PaneExchange> {
  return new Promise<PaneExchange>((resolve, reject) => {
    const ws = new WebSocket(deps.wsUrl, {
      headers: { ...deps.versions?.headers, authorization: `Bearer ${token}` },
      handshakeTimeout: 10_000,
    });
    let settled = false;
    const finish = (outcome: PaneExchange | HearthError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ws.close(1000);
      if (outcome instanceof HearthError) reject(outcome);
      else resolve(outcome);
    };
    const unavailable = (why: string): HearthError =>
      new HearthError(ErrorCode.Unavailable, 'The Hearth server cannot be reached. Please try again.', { why });
    const timer = setTimeout(() => finish(unavailable('timeout')), EXCHANGE_TIMEOUT_MS);
    ws.on('message', (data) => {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(data.toString());
      } catch {
        parsed = null;
      }
      const frame = frames.read(parsed);
      if (!frame) return;
      switch (frame.type) {
        case 'welcome':
          for (const f of out) ws.send(JSON.stringify(f));
          if (awaitSent === undefined) ws.send(JSON.stringify({ type: 'ping' }));
          return;
        case 'sent':
          if (frame.id === awaitSent) finish({ sentAt: frame.at });
          return;
        case 'pong':
          if (awaitSent === undefined) finish({ sentAt: null });
          return;
        case 'error':
          finish(new HearthError(frame.code, frame.message));
          return;
        default:
          return;
      }
    });
    ws.on('error', (err) => {
      if (/\b401\b/.test(err.message)) finish(new HearthError(ErrorCode.Unauthenticated, 'Please sign in again.'));
      else finish(unavailable(err.message));
    });
    ws.on('close', () => finish(unavailable('closed')));
  });
}
