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

/** The ICE servers for one account: configured STUN URLs, and TURN URLs with fresh credentials. */
export function iceConfigFor(ice: RelayConfig['ice'], accountId: string, nowMs: number): IceConfig {
  const iceServers: IceServer[] = [];
  if (ice.stunUrls.length > 0) iceServers.push({ urls: [...ice.stunUrls] });
  let expiresAt: number | null = null;
  if (ice.turnUrls.length > 0 && ice.turnSecret) {
    const turn = turnCredentials(ice.turnSecret, accountId, nowMs, ice.turnTtlSeconds);
    iceServers.push({ urls: [...ice.turnUrls], username: turn.username, credential: turn.credential });
    expiresAt = turn.expiresAt;
  }
  return { iceServers, iceTransportPolicy: ice.transportPolicy, expiresAt };
}
