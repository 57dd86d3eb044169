import { createHmac } from 'node:crypto';
import type { IceConfig, IceServer } from '@hearth/common';
import type { RelayConfig } from '../config';

export type TurnCredentials = Readonly<{ username: string; credential: string; expiresAt: number }>;

/**
 * TURN REST credentials as coturn's `use-auth-secret` checks them: the username is
 * `expiry:accountId` (expiry in Unix seconds) and the password is base64(HMAC-SHA1(secret, username)).
 */
export function turnCredentials(secret: string, accountId: string, nowMs: number, ttlSeconds: number): TurnCredentials {
  const expiry = Math.floor(nowMs / 1000) + ttlSeconds;
  const username = `${expiry}:${accountId}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, expiresAt: expiry * 1000 };
}

/**
 * The ICE servers for one account: configured STUN URLs, and TURN URLs with fresh credentials.
 * `notAfterMs`: the credentials expire by then (a child's next quiet start, issue 14); none are
 * given when that is now or past.
 */
export function iceConfigFor(ice: RelayConfig['ice'], accountId: string, nowMs: number, notAfterMs?: number): IceConfig {
  const iceServers: IceServer[] = [];
  if (ice.stunUrls.length > 0) iceServers.push({ urls: [...ice.stunUrls] });
  let expiresAt: number | null = null;
  const ttlSeconds =
    notAfterMs === undefined ? ice.turnTtlSeconds : Math.min(ice.turnTtlSeconds, Math.floor((notAfterMs - nowMs) / 1000));
  if (ice.turnUrls.length > 0 && ice.turnSecret && ttlSeconds > 0) {
    const turn = turnCredentials(ice.turnSecret, accountId, nowMs, ttlSeconds);
    iceServers.push({ urls: [...ice.turnUrls], username: turn.username, credential: turn.credential });
    expiresAt = turn.expiresAt;
  }
  return { iceServers, iceTransportPolicy: ice.transportPolicy, expiresAt };
}
