import { monotonicFactory } from 'ulid';
import type { RelayConfig } from './config';
import type { Store } from './store/port';
import type { Bus } from './bus/port';
import { createClusterEvents, type ClusterEvents } from './bus/cluster-events';
import type { PasswordHasher } from './accounts/passwords';
import type { Mailer } from './mail/mailer';
import type { Notice, SuspensionCategory } from '@hearth/common';
import type { FriendshipRow } from './friendships/queries';
import type { ConsentRule } from './policy/consent-rule';

/** Things that happened, for the realtime side to push to the people concerned. */
export type RelayEventMap = {
  friendshipChanged: [row: FriendshipRow];
  /** Children's device credentials (all of a device's, or one child's there), or one parent session. */
  credentialsRevoked: [Readonly<{ childIds: readonly string[]; deviceId?: string; parentSessionId?: string }>];
  /** A parent session became (or moved into) a parent device: its socket starts receiving that device's queue. */
  parentDeviceRegistered: [Readonly<{ parentId: string; sessionId: string; deviceId: string }>];
  /**
   * What decides who may reach these children changed besides a friendship (issue 12): a guardian
   * added or removed, a consent given or withdrawn. The gates recompute, the next frame sees it.
   */
  familyChanged: [Readonly<{ childIds: readonly string[] }>];
  /** A notice for one guardian, stored already: pushed at once to their live sockets. */
  noticeCreated: [Readonly<{ recipientId: string; notice: Notice }>];
  /** A child's quiet settings changed (issue 14), or its quiet time started or ended: caches drop them, sockets are told. */
  quietChanged: [Readonly<{ childIds: readonly string[] }>];
  /** A PC sent new info (`PUT /v1/devices/:id/info`): its quiet-hours floor (issue 17) is read again, its child's sockets told. */
  deviceInfoChanged: [Readonly<{ deviceId: string; childIds: readonly string[] }>];
  /** A moderator suspended an account or lifted its suspension (F16): a child's sockets get a `suspension` frame. */
  suspensionChanged: [Readonly<{ accountId: string; suspended: boolean; category: SuspensionCategory | null }>];
  /** A guardian turned a child's games on or off (issue 16): the child's sockets get a `games` frame. */
  gamesChanged: [Readonly<{ childId: string; enabled: boolean }>];
};

/**
 * Cluster-wide once connected to the bus (`bus/cluster-events.ts`): `emit` runs this instance's
 * listeners at once and every other instance's when the event arrives; `announce` waits for them.
 */
export type RelayEvents = ClusterEvents<RelayEventMap>;

/** What every service gets: the store, the bus, the frozen config, a clock and an id source. */
export type RelayContext = Readonly<{
  /** Everything the relay keeps (issue 13): SQLite by default, PostgreSQL with `--database`. */
  store: Store;
  /** Between instances (issue 13): in-process by default, Redis with `--bus`. */
  bus: Bus;
  config: RelayConfig;
  now: () => number;
  newId: () => string;
  hasher: PasswordHasher;
  events: RelayEvents;
  /** Email through `--smtp-url`, or {@link NO_MAIL}. */
  mailer: Mailer;
  /** F15: which consents cover a child now (the current policy version and its grace period). */
  consent: ConsentRule;
}>;

export function createEvents(): RelayEvents {
  return createClusterEvents<RelayEventMap>();
}

export function createIdFactory(now: () => number): () => string {
  const ulid = monotonicFactory();
  return () => ulid(now());
}
