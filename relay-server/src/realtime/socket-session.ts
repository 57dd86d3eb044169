import type { WebSocket, RawData } from 'ws';
import {
  BAD_FRAMES_BEFORE_CLOSE,
  ErrorCode,
  HELLO_TIMEOUT_MS,
  WsCloseCode,
  compareVersions,
  parseAppVersion,
  type AppVersion,
} from '@hearth/common';
import type { RequestCaller } from '../auth/callers';
import type { Connection } from './connection';
import { encodeFrame } from './frame-codec';
import { errorFrame } from './error-frame';
import type { RealtimeHub } from './hub';
import type { Logger } from './logger';
import { createTokenBuckets } from '../limits/token-buckets';

/**
 * Frames one socket may send, whatever they are: far above any honest client (one acknowledging
 * every message of a long backlog one by one sends thousands a second), low enough to stop a flood.
 */
const FRAMES_PER_MINUTE = 1_200_000;
const FRAME_BURST = 20_000;
/** Frames kept while the socket signs in (a store read or two); more are refused. */
const EARLY_FRAMES = 256;

export type SessionStart = Readonly<{
  /** Resolved from the upgrade's Authorization header; undefined means "wait for hello". */
  caller: RequestCaller | undefined;
  token: string | undefined;
  /** The upgrade's `Hearth-App-Version` header; a `hello` may announce the version instead. */
  appVersion: string | undefined;
  /**
   * The oldest app version served: a socket from an older one, or one that announces no version
   * (or one that does not parse) in its upgrade or `hello`, is refused (APP_TOO_OLD, close 4426).
   */
  minAppVersion: AppVersion;
}>;

/**
 * Runs one socket: authentication (header or first `hello`), then frames to the hub's
 * handlers. Bad frames (and frames past the flood limit) are answered with `error`; the
 * tenth closes the socket. Nothing a
 * client sends can throw out of here: an unexpected failure is logged and answered INTERNAL.
 */
export function runSocketSession(socket: WebSocket, start: SessionStart, hub: RealtimeHub, log: Logger): void {
  let conn: Connection | undefined;
  let badFrames = 0;
  const frameBucket = createTokenBuckets({ perMinute: FRAMES_PER_MINUTE, burst: FRAME_BURST });
  /** Before the socket is attached, straight out; after, through the connection (in order with what it holds back). */
  const sendRaw = (frame: Parameters<typeof encodeFrame>[0]): void => {
    if (conn) conn.send(frame);
    else if (socket.readyState === socket.OPEN) socket.send(encodeFrame(frame));
  };

  const refuseAuth = (message: string): void => {
    sendRaw(errorFrame(ErrorCode.Unauthenticated, message));
    socket.close(WsCloseCode.Unauthenticated, 'unauthenticated');
  };

  const bad = (code: ErrorCode, message: string, ref?: string): void => {
    badFrames++;
    sendRaw(errorFrame(code, message, ref));
    if (badFrames <= BAD_FRAMES_BEFORE_CLOSE) return;
    if (conn) conn.close(WsCloseCode.TooManyBadFrames, 'too many bad frames');
    else socket.close(WsCloseCode.TooManyBadFrames, 'too many bad frames');
  };

  let refused = false;
  /** The version this socket may be served as, or undefined after refusing it as too old. */
  const served = (announced: string | undefined): AppVersion | undefined => {
    const version = parseAppVersion(announced);
    if (version !== undefined && compareVersions(version, start.minAppVersion) >= 0) return version;
    refused = true;
    sendRaw(errorFrame(ErrorCode.AppTooOld, 'This Hearth app is too old for this server. Please update Hearth.'));
    socket.close(WsCloseCode.AppTooOld, 'app too old');
    return undefined;
  };

  /**
   * Signing in reads the store (the parent PC's queue, or the hello's token): frames that arrive
   * meanwhile wait here, in order, and run once the socket is attached (or refused).
   */
  let signingIn = false;
  const early: [RawData, boolean][] = [];
  const signIn = (work: () => Promise<void>): void => {
    signingIn = true;
    work()
      .catch((err: unknown) => {
        log.error({ err }, 'signing a realtime socket in failed');
        sendRaw(errorFrame(ErrorCode.Internal, 'Something went wrong on the relay.'));
        socket.close(WsCloseCode.Unauthenticated, 'sign-in failed');
      })
      .finally(() => {
        signingIn = false;
        for (const [data, isBinary] of early.splice(0)) receive(data, isBinary);
      });
  };
  const attach = async (caller: RequestCaller, token: string, version: AppVersion): Promise<void> => {
    const attached = await hub.attach(socket, caller, token, version);
    // Closed while the store was read: nothing to keep.
    if (socket.readyState !== socket.OPEN) hub.detach(attached);
    else conn = attached;
  };

  let helloTimer: NodeJS.Timeout | undefined;
  if (start.caller && start.token) {
    const version = served(start.appVersion);
    const { caller, token } = start;
    if (version) signIn(() => attach(caller, token, version));
  } else {
    // No hello in time is no refused credential (4401 tells an app to sign in again): 4408.
    helloTimer = setTimeout(() => {
      sendRaw(errorFrame(ErrorCode.MalformedRequest, `No hello came within ${HELLO_TIMEOUT_MS / 1000} seconds.`));
      socket.close(WsCloseCode.HelloTimeout, 'no hello in time');
    }, HELLO_TIMEOUT_MS);
    helloTimer.unref();
  }

  function onFrame(data: RawData, isBinary: boolean): void {
    if (refused) return;
    if (isBinary) {
      if (!conn) return refuseAuth('Say hello with a token first.');
      return bad(ErrorCode.MalformedRequest, 'Frames must be JSON text.');
    }
    if (conn && frameBucket.take('socket', Date.now()) > 0) return bad(ErrorCode.RateLimited, 'Too many frames. Slow down.');
    const decoded = hub.decode(data.toString());
    if (!conn) {
      clearTimeout(helloTimer);
      if (!decoded.ok || decoded.frame.type !== 'hello') return refuseAuth('The first frame must be hello with a token.');
      const version = served(decoded.frame.appVersion ?? start.appVersion);
      if (!version) return;
      const token = decoded.frame.token;
      return signIn(async () => {
        const caller = await hub.authenticate(token);
        if (!caller) {
          // A signed-out PC's credential (F18): DEVICE_REVOKED, with whether to erase, then 4401.
          const revoked = await hub.revoked(token, version);
          if (revoked) {
            sendRaw({ type: 'error', code: revoked.code, message: revoked.message, wipe: revoked.details?.wipe === true });
            socket.close(WsCloseCode.Unauthenticated, 'device revoked');
            return;
          }
          return refuseAuth('Please sign in again: this credential is missing, expired or revoked.');
        }
        await attach(caller, token, version);
      });
    }
    if (!decoded.ok) return bad(decoded.code, decoded.message, decoded.ref);
    if (decoded.frame.type === 'hello') return bad(ErrorCode.ValidationFailed, 'This socket is already signed in.');
    hub.handle(conn, decoded.frame);
  }

  function receive(data: RawData, isBinary: boolean): void {
    if (signingIn) {
      if (early.length < EARLY_FRAMES) early.push([data, isBinary]);
      else bad(ErrorCode.RateLimited, 'Too many frames before signing in finished. Slow down.');
      return;
    }
    try {
      onFrame(data, isBinary);
    } catch (err) {
      log.error({ err, accountId: conn?.accountId }, 'a realtime frame failed');
      sendRaw(errorFrame(ErrorCode.Internal, 'Something went wrong on the relay.'));
    }
  }

  socket.on('message', receive);
  socket.on('close', () => {
    clearTimeout(helloTimer);
    if (!conn) return;
    try {
      hub.detach(conn);
    } catch (err) {
      log.error({ err, accountId: conn.accountId }, 'closing a realtime socket failed');
    }
  });
}
