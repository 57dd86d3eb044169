import { dayKey, isActive, localDayOf, type QuietEvaluation, type WsQuietFrame } from '@hearth/common';
import type { RelayContext, RelayEventMap } from '../context';
import type { Connection, ConnectionRegistry } from '../realtime/connection';
import type { Presence } from '../realtime/presence';
import type { FriendGraph } from '../realtime/friend-graph';
import type { Delivery } from '../messaging/delivery';
import type { Logger } from '../realtime/logger';
import type { QuietGate } from './gate';

/** The realtime side of quiet time: the `quiet` frame, timers on the relay clock, minutes counted. */
export type QuietNotifier = Readonly<{
  /**
   * A socket was greeted: tell a child's socket where it stands (unless nothing is set: never
   * quiet), start counting its minutes; tell a grown-up's socket where each child they are a
   * guardian of stands (the same rule), and watch those children from now on.
   */
  connected(conn: Connection): void;
  /** An account's sockets here changed state (a presence frame, a socket gone): count up to now. */
  presenceChanged(accountId: string): void;
  /** Counts minutes and looks at every child here now (it also runs on a timer). */
  tick(): Promise<void>;
  start(): void;
  stop(): void;
}>;

type Deps = Readonly<{
  ctx: Pick<RelayContext, 'store' | 'events' | 'now'>;
  gate: QuietGate;
  registry: ConnectionRegistry;
  presence: Presence;
  graph: FriendGraph;
  delivery: Pick<Delivery, 'resync'>;
  log: Logger;
}>;

type ChildState = { signature?: string; quiet?: boolean; nextChangeAt: number | null; timer?: NodeJS.Timeout };

const TICK_MS = 20_000;
const MINUTE_MS = 60_000;
/** The longest stretch one flush records (a clock jump or a long stall counts at most a day). */
const MAX_FLUSH_MINUTES = 24 * 60;
const COUNTING = new Set(['online', 'in-call']);
/** Counted minutes and extra days are kept this long (the activity view reads 30 days). */
const USAGE_KEPT_MS = 31 * 24 * 60 * MINUTE_MS;
const PURGE_EVERY_MS = 60 * MINUTE_MS;

export function createQuietNotifier(deps: Deps): QuietNotifier {
  const { ctx, gate, registry, presence, log } = deps;
  const now = ctx.now;
  const states = new Map<string, ChildState>();
  /** Since when each child here has been counting (online or in a call on a socket of this instance). */
  const since = new Map<string, number>();
  let interval: NodeJS.Timeout | undefined;
  let purgedAt = -Infinity;

  /** Forgets counted minutes and extra days older than {@link USAGE_KEPT_MS}, at most once an hour. */
  async function purge(): Promise<void> {
    const at = now();
    if (at - purgedAt < PURGE_EVERY_MS) return;
    purgedAt = at;
    const before = at - USAGE_KEPT_MS;
    // Extra days by their key: a day further back than any zone's offset from UTC.
    await ctx.store.quiet.purgeQuietUsage(
      Math.floor(before / MINUTE_MS),
      dayKey(localDayOf('UTC', before - 24 * 60 * MINUTE_MS)),
    );
  }

  /** Children with a socket here, and children watched here for a guardian's socket. */
  const childrenHere = (): string[] => [
    ...new Set([
      ...registry
        .all()
        .filter((c) => c.accountKind === 'child')
        .map((c) => c.accountId),
      ...states.keys(),
    ]),
  ];

  /**
   * The sockets here that hear a child's quiet time: the child's own and its guardians' (parent
   * mode on a grown-up's PC). Trusted grown-ups, friends and anyone else hear nothing of it.
   */
  async function audienceOf(childId: string): Promise<Connection[]> {
    const guardians = (await gate.settings(childId))?.guardians ?? new Set<string>();
    return [
      ...registry.ofAccount(childId),
      ...[...guardians].flatMap((g) => registry.ofAccount(g).filter((c) => c.accountKind === 'parent')),
    ];
  }

  /** Whether anything is set for the child (a child with nothing set is never quiet, and hears nothing). */
  async function anythingSet(childId: string): Promise<boolean> {
    const q = await gate.settings(childId);
    return q !== undefined && (q.schedule !== null || q.quietNowUntil !== null || q.contacts.size > 0);
  }
  const countingHere = (childId: string): boolean => registry.ofAccount(childId).some((c) => COUNTING.has(c.presence));

  async function flush(childId: string): Promise<void> {
    const at = now();
    const from = since.get(childId);
    if (countingHere(childId)) since.set(childId, at);
    else since.delete(childId);
    if (from === undefined || at <= from) return;
    const last = Math.floor((at - 1) / MINUTE_MS);
    const first = Math.max(Math.floor(from / MINUTE_MS), last - MAX_FLUSH_MINUTES + 1);
    const minutes: number[] = [];
    for (let m = first; m <= last; m++) minutes.push(m);
    await ctx.store.quiet.recordUsageMinutes(childId, minutes);
    gate.invalidateUsage(childId);
  }

  /** Where the child stands on each of its PCs here whose machine policy sets a floor (issue 17), by device id. */
  async function flooredHere(childId: string): Promise<Map<string, QuietEvaluation>> {
    const out = new Map<string, QuietEvaluation>();
    for (const conn of registry.ofAccount(childId)) {
      if (conn.deviceId === undefined || out.has(conn.deviceId)) continue;
      const floor = await gate.floorOf(conn.deviceId);
      if (floor) out.set(conn.deviceId, await gate.status(childId, floor));
    }
    return out;
  }

  function stateOf(childId: string): ChildState {
    let s = states.get(childId);
    if (!s) states.set(childId, (s = { nextChangeAt: null }));
    return s;
  }

  /**
   * Tells the child's sockets and its guardians' here where it stands (when it changed, or
   * `force`: all of them, or the one socket given), and sets its timer. `announce`: a start or end
   * found here is told to every instance (not when it came from one).
   */
  async function refresh(childId: string, force: boolean | Connection, announce = true): Promise<void> {
    const s = stateOf(childId);
    if ((await audienceOf(childId)).length === 0) {
      if (s.timer) clearTimeout(s.timer);
      states.delete(childId);
      return;
    }
    const { nextChangeAt: _n, ...status } = await gate.status(childId);
    const floored = await flooredHere(childId);
    const at = now();
    const signatureOf = (st: typeof status): string =>
      JSON.stringify({
        ...st,
        startsInMs: st.startsInMs === null ? null : Math.round((at + st.startsInMs) / 1000),
        endsInMs: st.endsInMs === null ? null : Math.round((at + st.endsInMs) / 1000),
      });
    const signature = JSON.stringify([
      signatureOf(status),
      ...[...floored].map(([d, { nextChangeAt: _m, ...st }]) => [d, signatureOf(st)]),
    ]);
    const flipped = s.quiet !== undefined && s.quiet !== status.quiet;
    s.quiet = status.quiet;
    const frame: WsQuietFrame = { type: 'quiet', childId: childId as WsQuietFrame['childId'], status };
    // A socket of the child's own opened with a PC's credential hears that PC's floor too (issue 17).
    const frameFor = (conn: Connection): WsQuietFrame => {
      const own = conn.accountId === childId && conn.deviceId !== undefined ? floored.get(conn.deviceId) : undefined;
      if (!own) return frame;
      const { nextChangeAt: _m, ...ownStatus } = own;
      return { ...frame, status: ownStatus };
    };
    if (force === true || signature !== s.signature) {
      s.signature = signature;
      for (const conn of await audienceOf(childId)) conn.send(frameFor(conn));
    } else if (force !== false) {
      force.send(frameFor(force));
    }
    const edges = [await gate.nextChange(childId), ...[...floored.values()].map((st) => st.nextChangeAt)];
    const found = edges.filter((t): t is number => t !== null);
    s.nextChangeAt = found.length > 0 ? Math.min(...found) : null;
    if (s.timer) clearTimeout(s.timer);
    if (s.nextChangeAt !== null) {
      const delay = Math.min(Math.max(0, s.nextChangeAt - now()) + 50, 2 ** 31 - 1);
      s.timer = setTimeout(() => void look(childId), delay);
      s.timer.unref();
    }
    // Quiet started or ended (the limit ran out, say) without reaching an edge the timer knew.
    if (flipped && announce) ctx.events.emit('quietChanged', { childIds: [childId] });
  }

  /** Counts, and at an edge tells every instance (presence, held messages) through `quietChanged`. */
  async function look(childId: string): Promise<void> {
    try {
      await flush(childId);
      const s = states.get(childId);
      if (s && s.nextChangeAt !== null && now() >= s.nextChangeAt) {
        s.nextChangeAt = null;
        ctx.events.emit('quietChanged', { childIds: [childId] });
        return;
      }
      await refresh(childId, false);
    } catch (err) {
      log.error({ err, childId }, 'looking at quiet time failed');
    }
  }

  /** Friends here see the child as it now is to them; the child's held messages go out if they may. */
  async function apply(childId: string): Promise<void> {
    for (const conn of registry.ofAccount(childId)) deps.delivery.resync(conn);
    await refresh(childId, true, false);
    const allowed = await deps.graph.activeFriendsOf(childId);
    const rows = await ctx.store.friendships.listFriendshipsOf(childId);
    for (const row of rows) {
      if (!isActive(row.state)) continue;
      const other = row.aId === childId ? row.bId : row.aId;
      if (registry.isOnline(other) || registry.isOnline(childId)) await presence.pairChanged(childId, other, allowed.has(other));
    }
  }

  const onChanged = (event: RelayEventMap['quietChanged'][0]): void => {
    gate.invalidate(event.childIds);
    for (const childId of event.childIds) {
      apply(childId).catch((err: unknown) => log.error({ err, childId }, 'applying a quiet change failed'));
    }
  };

  /** A PC's info changed: its floor may have (issue 17); the child's sockets here hear what it now is. */
  const onDeviceInfo = (event: RelayEventMap['deviceInfoChanged'][0]): void => {
    for (const childId of event.childIds) {
      gate
        .floorOf(event.deviceId)
        .then((floor) => (states.has(childId) || floor !== null ? refresh(childId, false) : undefined))
        .catch((err: unknown) => log.error({ err, childId }, 'applying a PC floor change failed'));
    }
  };

  /** A guardian's socket hears where each of their children stands (those with anything set). */
  async function greetGuardian(conn: Connection): Promise<void> {
    for (const child of await ctx.store.accounts.listChildrenOfParent(conn.accountId)) {
      if (await anythingSet(child.id)) await refresh(child.id, conn);
    }
  }

  return {
    connected(conn) {
      if (conn.accountKind === 'parent') {
        greetGuardian(conn).catch((err: unknown) =>
          log.error({ err, parentId: conn.accountId }, 'telling a guardian their children’s quiet time failed'),
        );
        return;
      }
      const childId = conn.accountId;
      if (countingHere(childId) && !since.has(childId)) since.set(childId, now());
      // A child with nothing set is never quiet: its sockets hear nothing until a guardian sets something.
      // A PC whose machine policy sets a floor (issue 17) hears it all the same.
      const floored = async (): Promise<boolean> => conn.deviceId !== undefined && (await gate.floorOf(conn.deviceId)) !== null;
      anythingSet(childId)
        .then(async (set) => (set || (await floored()) ? refresh(childId, conn) : undefined))
        .catch((err: unknown) => log.error({ err, childId }, 'telling a child its quiet time failed'));
    },
    presenceChanged(accountId) {
      if (
        !states.has(accountId) &&
        !since.has(accountId) &&
        !registry.ofAccount(accountId).some((c) => c.accountKind === 'child')
      ) {
        return;
      }
      flush(accountId)
        .then(() => refresh(accountId, false))
        .catch((err: unknown) => log.error({ err, accountId }, 'counting minutes failed'));
    },
    async tick() {
      await purge().catch((err: unknown) => log.error({ err }, 'forgetting old counted minutes failed'));
      for (const childId of childrenHere()) await look(childId);
    },
    start() {
      ctx.events.on('quietChanged', onChanged);
      ctx.events.on('deviceInfoChanged', onDeviceInfo);
      interval = setInterval(() => void this.tick(), TICK_MS);
      interval.unref();
    },
    stop() {
      ctx.events.off('quietChanged', onChanged);
      ctx.events.off('deviceInfoChanged', onDeviceInfo);
      if (interval) clearInterval(interval);
      for (const s of states.values()) if (s.timer) clearTimeout(s.timer);
      states.clear();
    },
  };
}
