import {
  dayBounds,
  evaluateQuiet,
  isKnownZone,
  nextWindowEdge,
  scheduleWithFloor,
  QuietSchedule,
  withinWindows,
  type QuietEvaluation,
  type TimeWindow,
  type WeeklyWindows,
} from '@hearth/common';

import { Value } from 'typebox/value';
import type { RelayContext } from '../context';
import { readDeviceFloor } from './floor-of';

/** What the relay knows of one child's quiet time (inputs only: evaluated at each question). */
export type ChildQuiet = Readonly<{
  schedule: QuietSchedule | null;
  timeZone: string;
  quietNowUntil: number | null;
  contacts: ReadonlyMap<string, WeeklyWindows>;
  reachOff: ReadonlySet<string>;
  guardians: ReadonlySet<string>;
  trusted: ReadonlySet<string>;
}>;

/** A day's counted minutes as read at `readAt`; `start`/`end`: that local day's bounds. */
type Usage = Readonly<{ start: number; end: number; used: number; extra: number; readAt: number }>;
type Entry = Readonly<{ kind: 'child'; quiet: ChildQuiet }> | Readonly<{ kind: 'other' }>;

/** The zone when neither a guardian nor the enrolling PC named one. */
export const FALLBACK_ZONE = 'UTC';
/** How long a day's counted minutes are believed before they are read again. */
const USAGE_FRESH_MS = 30_000;
const MAX_ENTRIES = 50_000;

/**
 * Quiet hours as the relay applies them (issue 14): one per relay context, shared by the
 * realtime hub, signaling and the routes. What is kept (schedule, zone, contact windows, reach,
 * each child's guardians and trusted grown-ups) is cached until a `quietChanged` or
 * `familyChanged` event (from any instance) or a bus outage; the answer is computed at each
 * question on the relay's clock, so time passing never leaves it stale.
 */
export type QuietGate = Readonly<{
  /**
   * Where the child stands now (for a child with nothing set: never quiet); with `floor`, as on
   * a PC whose machine policy adds that daily window to the child's schedule (`device-floor.ts`).
   */
  status(childId: string, floor?: TimeWindow | null): Promise<QuietEvaluation>;
  /** Whether quiet time (or a contact's allowed windows) keeps `childId` from `otherId` now; false for a non-child. */
  keeps(childId: string, otherId: string): Promise<boolean>;
  /** The same from memory, undefined where not known. */
  keepsNow(childId: string, otherId: string): boolean | undefined;
  /**
   * Whether the child, sending through PC `deviceId`'s credential, is kept from `otherId` now by
   * that PC's quiet-hours floor added to its schedule (issue 17), with the schedule's exemptions
   * (its guardians, trusted grown-ups where allowed); false for a PC with no floor or a non-child.
   */
  keepsOnDevice(childId: string, otherId: string, deviceId: string): Promise<boolean>;
  /** PC `deviceId`'s floor (`device-floor.ts`), cached until its info changes (`deviceInfoChanged`, any instance). */
  floorOf(deviceId: string): Promise<TimeWindow | null>;
  /** The same from memory, undefined where not known. */
  floorNow(deviceId: string): TimeWindow | null | undefined;
  /** Whether either side is kept from the other. */
  apart(x: string, y: string): Promise<boolean>;
  /** The next instant the child's quiet state changes by itself (contact windows too), if within a week. */
  nextChange(childId: string): Promise<number | null>;
  /** The child's settings as kept (loaded through the cache). */
  settings(childId: string): Promise<ChildQuiet | undefined>;
  /** The same from memory: null for an account that is no child, undefined where not known. */
  settingsNow(childId: string): ChildQuiet | null | undefined;
  /** Says whether the child is counting minutes now (online or in a call anywhere): set by the realtime hub. */
  setCounting(source: (childId: string) => boolean): void;
  /** Forgets these children's cached settings and usage. */
  invalidate(childIds: readonly string[]): void;
  /** Forgets a child's counted minutes (new ones were recorded). */
  invalidateUsage(childId: string): void;
}>;

const gates = new WeakMap<object, QuietGate>();

/** The gate of this relay context, made on first use. */
export function quietGateFor(ctx: Pick<RelayContext, 'store' | 'bus' | 'events' | 'now'>): QuietGate {
  let gate = gates.get(ctx);
  if (!gate) {
    gate = createQuietGate(ctx);
    gates.set(ctx, gate);
  }
  return gate;
}

/** The zone of a child: the one set, else the enrolling PC's, else {@link FALLBACK_ZONE}. */
export function zoneOf(setZone: string | null, enrolmentInfoJson: string | undefined): string {
  if (setZone && isKnownZone(setZone)) return setZone;
  try {
    const info = enrolmentInfoJson ? (JSON.parse(enrolmentInfoJson) as { timeZone?: unknown }) : undefined;
    if (typeof info?.timeZone === 'string' && isKnownZone(info.timeZone)) return info.timeZone;
  } catch {
    // A device info that is not JSON has no zone to offer.
  }
  return FALLBACK_ZONE;
}

/** A kept schedule, or null where none is kept (or what is kept is not one). */
export function parseSchedule(json: string | null): QuietSchedule | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  return Value.Check(QuietSchedule, value) ? value : null;
}

export function createQuietGate(ctx: Pick<RelayContext, 'store' | 'bus' | 'events' | 'now'>): QuietGate {
  const { store, now } = ctx;
  const entries = new Map<string, Entry>();
  const floors = new Map<string, TimeWindow | null>();
  let floorGeneration = 0;
  const forgetFloor = (deviceId?: string): void => {
    floorGeneration++;
    if (deviceId === undefined) floors.clear();
    else floors.delete(deviceId);
  };
  ctx.events.on('deviceInfoChanged', (e) => forgetFloor(e.deviceId));
  ctx.events.on('credentialsRevoked', (e) => forgetFloor(e.deviceId));
  const usage = new Map<string, Usage>();
  let generation = 0;
  /**
   * Bumped whenever counted minutes are forgotten (all children's: `usageGeneration`; one child's:
   * its entry in `childUsageGenerations`): a read under way then keeps its answer to itself.
   */
  let usageGeneration = 0;
  const childUsageGenerations = new Map<string, number>();
  const usageStamp = (childId: string): string => `${usageGeneration} ${childUsageGenerations.get(childId) ?? 0}`;
  const forgetUsage = (childId: string): void => {
    usage.delete(childId);
    if (childUsageGenerations.size >= MAX_ENTRIES) {
      childUsageGenerations.clear();
      usageGeneration++;
    }
    childUsageGenerations.set(childId, (childUsageGenerations.get(childId) ?? 0) + 1);
  };
  let counting: (childId: string) => boolean = () => false;
  const trusted = (): boolean => ctx.bus.isLive();

  const forget = (childIds: readonly string[]): void => {
    generation++;
    for (const id of childIds) {
      entries.delete(id);
      forgetUsage(id);
    }
  };
  ctx.events.on('quietChanged', (e) => forget(e.childIds));
  ctx.events.on('familyChanged', (e) => forget(e.childIds));
  ctx.bus.onLiveChange(() => {
    forgetFloor();
    generation++;
    usageGeneration++;
    childUsageGenerations.clear();
    entries.clear();
    usage.clear();
  });

  async function loadEntry(id: string): Promise<Entry> {
    if ((await store.family.accountKindOf(id)) !== 'child') return { kind: 'other' };
    const [row, info, contacts, reachOff, guardians, trustedIds] = await Promise.all([
      store.quiet.getQuietSettings(id),
      store.quiet.enrolmentDeviceInfo(id),
      store.quiet.listContactWindows(id),
      store.quiet.listReachOff(id),
      store.family.guardianIdsOf(id),
      store.family.trustedIdsOf(id),
    ]);
    return {
      kind: 'child',
      quiet: {
        schedule: parseSchedule(row?.scheduleJson ?? null),
        timeZone: zoneOf(row?.timeZone ?? null, info),
        quietNowUntil: row?.quietNowUntil ?? null,
        contacts: new Map(contacts.map((c) => [c.contactId, JSON.parse(c.allowedJson) as WeeklyWindows])),
        reachOff: new Set(reachOff),
        guardians: new Set(guardians),
        trusted: new Set(trustedIds),
      },
    };
  }

  async function entry(id: string): Promise<Entry> {
    const hit = trusted() ? entries.get(id) : undefined;
    if (hit) return hit;
    const started = generation;
    const loaded = await loadEntry(id);
    if (started === generation && trusted()) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(id, loaded);
    }
    return loaded;
  }

  /**
   * The child's counted minutes kept in memory, where they still hold at `at`: read less than
   * USAGE_FRESH_MS ago, on the clock as it was then (not gone back), and of the local day `at` is in
   * (so midnight gives the child a new day at once, not up to USAGE_FRESH_MS later).
   */
  function usageKnown(childId: string, at: number): Usage | undefined {
    const u = usage.get(childId);
    return u && at >= u.readAt && at - u.readAt < USAGE_FRESH_MS && at >= u.start && at < u.end ? u : undefined;
  }

  async function usageOf(childId: string, q: ChildQuiet, at: number): Promise<Usage> {
    const hit = usageKnown(childId, at);
    if (hit) return hit;
    const day = dayBounds(q.timeZone, at);
    const started = usageStamp(childId);
    const [used, extra] = await Promise.all([
      store.quiet.countUsageMinutes(childId, Math.floor(day.start / 60_000), Math.ceil(day.end / 60_000)),
      store.quiet.getExtraMinutes(childId, day.key),
    ]);
    const fresh = { start: day.start, end: day.end, used, extra, readAt: at };
    if (started === usageStamp(childId)) usage.set(childId, fresh);
    return fresh;
  }

  function evaluate(childId: string, q: ChildQuiet, u: Usage | undefined, at: number): QuietEvaluation {
    return evaluateQuiet(
      {
        schedule: q.schedule,
        timeZone: q.timeZone,
        quietNowUntil: q.quietNowUntil,
        extraMinutesToday: u?.extra ?? 0,
        usedMinutesToday: u?.used ?? 0,
        counting: counting(childId),
      },
      at,
    );
  }

  /** Whether the child's limit matters (else usage need not be read). */
  const limited = (q: ChildQuiet): boolean => q.schedule?.dailyLimitMinutes != null;

  function decide(childId: string, q: ChildQuiet, quietNow: boolean, otherId: string, at: number): boolean {
    if (q.guardians.has(otherId)) return quietNow && q.reachOff.has(otherId);
    if (q.trusted.has(otherId) && q.schedule?.trustedGrownUpsReach) return false;
    if (quietNow) return true;
    const allowed = q.contacts.get(otherId);
    return allowed !== undefined && !withinWindows(allowed, q.timeZone, at);
  }

  /** Nothing set at all: never quiet, and no window to check. */
  const idle = (q: ChildQuiet): boolean => q.schedule === null && q.quietNowUntil === null && q.contacts.size === 0;

  async function statusOf(childId: string, q: ChildQuiet, at: number): Promise<QuietEvaluation> {
    return evaluate(childId, q, limited(q) ? await usageOf(childId, q, at) : undefined, at);
  }

  const gate: QuietGate = {
    async status(childId, floor) {
      const e = await entry(childId);
      const at = now();
      if (e.kind !== 'child') {
        return evaluateQuiet(
          {
            schedule: null,
            timeZone: FALLBACK_ZONE,
            quietNowUntil: null,
            extraMinutesToday: 0,
            usedMinutesToday: 0,
            counting: false,
          },
          at,
        );
      }
      return statusOf(childId, floor ? { ...e.quiet, schedule: scheduleWithFloor(e.quiet.schedule, floor) } : e.quiet, at);
    },
    async keeps(childId, otherId) {
      // From memory where it is known (the message and delivery hot paths), else loaded.
      const known = gate.keepsNow(childId, otherId);
      if (known !== undefined) return known;
      const e = await entry(childId);
      if (e.kind !== 'child' || idle(e.quiet)) return false;
      const at = now();
      return decide(childId, e.quiet, (await statusOf(childId, e.quiet, at)).quiet, otherId, at);
    },
    keepsNow(childId, otherId) {
      const e = trusted() ? entries.get(childId) : undefined;
      if (!e) return undefined;
      if (e.kind !== 'child' || idle(e.quiet)) return false;
      const at = now();
      const u = usageKnown(childId, at);
      if (limited(e.quiet) && !u) return undefined;
      return decide(childId, e.quiet, evaluate(childId, e.quiet, u, at).quiet, otherId, at);
    },
    async keepsOnDevice(childId, otherId, deviceId) {
      const floor = await gate.floorOf(deviceId);
      if (floor === null) return false;
      const e = await entry(childId);
      if (e.kind !== 'child') return false;
      const q = { ...e.quiet, schedule: scheduleWithFloor(e.quiet.schedule, floor) };
      const at = now();
      return decide(childId, q, (await statusOf(childId, q, at)).quiet, otherId, at);
    },
    async floorOf(deviceId) {
      const known = gate.floorNow(deviceId);
      if (known !== undefined) return known;
      const started = floorGeneration;
      const floor = await readDeviceFloor(store, deviceId);
      if (started === floorGeneration && trusted()) {
        if (floors.size >= MAX_ENTRIES) floors.clear();
        floors.set(deviceId, floor);
      }
      return floor;
    },
    floorNow(deviceId) {
      return trusted() ? floors.get(deviceId) : undefined;
    },
    async apart(x, y) {
      return (await gate.keeps(x, y)) || (await gate.keeps(y, x));
    },
    async nextChange(childId) {
      const e = await entry(childId);
      if (e.kind !== 'child' || idle(e.quiet)) return null;
      const at = now();
      const candidates = [(await statusOf(childId, e.quiet, at)).nextChangeAt];
      for (const windows of e.quiet.contacts.values()) {
        candidates.push(nextWindowEdge(windows, e.quiet.timeZone, at, 8 * 24 * 3_600_000) ?? null);
      }
      const found = candidates.filter((t): t is number => t !== null);
      return found.length > 0 ? Math.min(...found) : null;
    },
    async settings(childId) {
      const e = (trusted() ? entries.get(childId) : undefined) ?? (await entry(childId));
      return e.kind === 'child' ? e.quiet : undefined;
    },
    settingsNow(childId) {
      const e = trusted() ? entries.get(childId) : undefined;
      if (!e) return undefined;
      return e.kind === 'child' ? e.quiet : null;
    },
    setCounting(source) {
      counting = source;
    },
    invalidate: forget,
    invalidateUsage(childId) {
      forgetUsage(childId);
    },
  };
  return gate;
}
