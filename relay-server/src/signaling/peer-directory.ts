import { randomBytes } from 'node:crypto';
import type { Bus } from '../bus/port';

/**
 * What the instances of a cluster share about signaling peers, as bus keys (issue 13):
 * - `peer:<peerId>`: where a peer is logged in (instance, epoch, login), refreshed while its
 *   socket lives, so a frame for it can be sent to that instance and a newer login anywhere can
 *   replace it;
 * - `conn:<self> <other> <connectionId>`: the connection an allowed OFFER opened, one key per side,
 *   so the instance that checks a later ANSWER or CANDIDATE sees it wherever the OFFER passed.
 *
 * A peer's epoch is made when it comes online from nowhere and kept by a login that replaces a
 * live one; a connection record names both epochs, so a peer that left (and every instance's view
 * of its calls) starts afresh without anyone having to find and delete its records.
 */

/** How long a peer's location outlives its last refresh (an instance that died stops refreshing). */
export const PEER_TTL_MS = 30_000;
/** How often each instance refreshes the locations of its own peers. */
export const PEER_REFRESH_MS = 10_000;
/** How long an OFFER's connection record lives (set again by every OFFER on that connection id). */
export const CONNECTION_TTL_MS = 30 * 60_000;

export type PeerLocation = Readonly<{ instance: string; epoch: string; login: string }>;

/** Which side of a PeerJS connection a peer is on: the one that sent the OFFER, or the other. */
export type ConnectionRole = 'caller' | 'callee';

/** One end of a connection: the peer and its epoch. */
export type ConnectionEnd = Readonly<{ peerId: string; epoch: string }>;

export const peerKey = (peerId: string): string => `peer:${peerId}`;
const connectionRecordKey = (self: string, other: string, connectionId: string): string =>
  `conn:${self} ${other} ${connectionId}`;

export const newEpoch = (): string => randomBytes(9).toString('base64url');

export function encodeLocation(location: PeerLocation): string {
  return JSON.stringify([location.instance, location.epoch, location.login]);
}

export function decodeLocation(value: string | undefined): PeerLocation | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((p) => typeof p === 'string')) return undefined;
    const [instance, epoch, login] = parsed as [string, string, string];
    return { instance, epoch, login };
  } catch {
    return undefined;
  }
}

export async function locatePeer(bus: Bus, peerId: string): Promise<PeerLocation | undefined> {
  return decodeLocation(await bus.get(peerKey(peerId)));
}

/**
 * Claims `peerId` for a login on this instance: the newest login wins wherever the previous one
 * is. Returns the location written (its exact value, to release it later) and the login it
 * replaced, if any, for the caller to tell that instance.
 */
export async function claimPeer(
  bus: Bus,
  peerId: string,
  login: string,
): Promise<Readonly<{ location: PeerLocation; value: string; previous: PeerLocation | undefined }>> {
  const previous = await locatePeer(bus, peerId);
  const location = { instance: bus.instance, epoch: previous?.epoch ?? newEpoch(), login };
  const value = encodeLocation(location);
  await bus.put(peerKey(peerId), value, PEER_TTL_MS);
  return { location, value, previous };
}

/** Forgets where a peer is, unless a newer login has claimed it since. */
export async function releasePeer(bus: Bus, peerId: string, value: string): Promise<void> {
  await bus.remove(peerKey(peerId), value);
}

/**
 * Refreshes the locations of this instance's peers. Returns the peer ids some other instance now
 * holds (two logins raced there and the other was written last): their sockets here must close.
 */
export async function refreshPeers(
  bus: Bus,
  peers: ReadonlyArray<Readonly<{ peerId: string; value: string }>>,
): Promise<string[]> {
  if (peers.length === 0) return [];
  const current = await bus.getMany(peers.map((p) => peerKey(p.peerId)));
  const lost: string[] = [];
  const puts: Promise<void>[] = [];
  peers.forEach((peer, i) => {
    const where = decodeLocation(current[i]);
    if (where !== undefined && where.instance !== bus.instance) lost.push(peer.peerId);
    else puts.push(bus.put(peerKey(peer.peerId), peer.value, PEER_TTL_MS));
  });
  await Promise.all(puts);
  return lost;
}

/** Records the connection an allowed OFFER opened, on both sides. */
export async function recordConnection(
  bus: Bus,
  caller: ConnectionEnd,
  callee: ConnectionEnd,
  connectionId: string,
): Promise<void> {
  await Promise.all([
    bus.put(
      connectionRecordKey(caller.peerId, callee.peerId, connectionId),
      `caller ${caller.epoch} ${callee.epoch}`,
      CONNECTION_TTL_MS,
    ),
    bus.put(
      connectionRecordKey(callee.peerId, caller.peerId, connectionId),
      `callee ${callee.epoch} ${caller.epoch}`,
      CONNECTION_TTL_MS,
    ),
  ]);
}

/** `self`'s role on the connection with `other`, if an OFFER opened it while both were as they are now. */
export async function connectionRole(
  bus: Bus,
  self: ConnectionEnd,
  other: ConnectionEnd,
  connectionId: string,
): Promise<ConnectionRole | undefined> {
  return roleIn(await bus.get(connectionRecordKey(self.peerId, other.peerId, connectionId)), self, other);
}

/**
 * {@link connectionRole} without waiting, where the bus answers from memory (`Bus.peek`, a
 * single relay); null where it cannot (Redis), for the caller to ask {@link connectionRole}.
 */
export function connectionRoleNow(
  bus: Bus,
  self: ConnectionEnd,
  other: ConnectionEnd,
  connectionId: string,
): ConnectionRole | undefined | null {
  if (!bus.peek) return null;
  return roleIn(bus.peek(connectionRecordKey(self.peerId, other.peerId, connectionId)), self, other);
}

/** The role a record (`<role> <self epoch> <other epoch>`) gives, read in place: it is asked at every frame. */
function roleIn(value: string | undefined, self: ConnectionEnd, other: ConnectionEnd): ConnectionRole | undefined {
  if (value === undefined) return undefined;
  const role = value.startsWith('caller ') ? 'caller' : value.startsWith('callee ') ? 'callee' : undefined;
  if (role === undefined) return undefined;
  const otherAt = role.length + 2 + self.epoch.length;
  const matches =
    value.length === otherAt + other.epoch.length &&
    value.startsWith(self.epoch, role.length + 1) &&
    value[otherAt - 1] === ' ' &&
    value.endsWith(other.epoch);
  return matches ? role : undefined;
}

/** Forgets a connection on both sides. */
export async function forgetConnection(bus: Bus, a: string, b: string, connectionId: string): Promise<void> {
  await Promise.all([bus.remove(connectionRecordKey(a, b, connectionId)), bus.remove(connectionRecordKey(b, a, connectionId))]);
}
