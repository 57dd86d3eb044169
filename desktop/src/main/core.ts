import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventPayload } from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { getProfile, listProfiles } from './db/family/queries/profiles';
import { logActivity } from './db/child/queries/activity';
import { createActivityService } from './services/activity';
import { createRelayUsage } from './services/relay-usage';
import { createDailySummaryService } from './services/daily-summary';
import { createDailySummarySender, type DailySummarySender } from './services/daily-summary-sender';
import { createHandlers, type Handlers } from './ipc/handlers';
import type { Services } from './ipc/services';
import type { LockBackoffPolicy } from './lock/backoff';
import { createParentLock, type Scheduler } from './lock/parent-lock';
import { createPasswordHasher, type HashCost } from './lock/password-hasher';
import type { Logger } from './logging/logger';
import { createAttachmentTransfer } from './relay/attachment-transfer';
import type { ReconnectPolicy } from './relay/child-connection';
import { createEmailHttp } from './relay/email-http';
import { createRelayHttp } from './relay/relay-http';
import { createRelaySync, realtimeUrl, type RelaySync } from './relay/relay-sync';
import { createRelayVersions } from './relay/relay-versions';
import { createAppInfoService } from './services/app-info';
import { createApprovalsService } from './services/approvals';
import { createAttachmentsService } from './services/attachments';
import { createBackgroundsService } from './services/backgrounds';
import { createCallsService, type CallsService } from './services/calls';
import { createEventHub, type EventHub } from './services/event-hub';
import { createFamilyAdminService, type FamilyDeps } from './services/family-admin';
import { createFamilyGrownUpsService } from './services/family-grown-ups';
import { createGrownUpDeleteService } from './services/grownup-delete';
import { createFamilyHttp } from './relay/family-http';
import { createReconsentHttp } from './relay/reconsent-http';
import { createReconsentService } from './services/reconsent';
import { createFriendsService } from './services/friends';
import { createKidRecordsService } from './services/kid-records';
import { createGamesLink } from './services/games-link';
import { createMessagesService } from './services/messages';
import { createPaneMessagesService } from './services/pane-messages';
import { paneExchange } from './relay/pane-socket';
import { createEmailAccountService } from './services/email-account';
import { createParentAccountService } from './services/parent-account';
import { createParentModeService } from './services/parent-mode';
import type { DeviceInfoSource } from './services/ports';
import { createProfilesService } from './services/profiles';
import { createQuietService } from './services/quiet';
import { createQuietHttp } from './relay/quiet-http';
import { createQuietTracker, type MonotonicClock } from './relay/quiet-tracker';
import { createComputersService, type ComputersService } from './services/computers';
import { createRendererProblemsService } from './services/renderer-problems';
import { createSettingsService } from './services/settings';
import { defaultDeviceInfo, settingsThatTell, unrefSchedule, withAppLanguage } from './core-wiring';
import { createChildStores, type ChildStores } from './stores/child-stores';
import { createAttentionService } from './services/attention';
import { tapChildEvents } from './services/event-tap';
import { eventOfNotice } from './notifications/kinds';
import { resolveUiLanguage } from './notifications/language';
import { createPageNotifier } from './notifications/page-notifier';
import { createGrownUpNotifications, type SystemNotifier } from './notifications/system-notifications';
import { openFamilyStore } from './stores/family-store';
import { createExportService } from './export/export-service';
import { createCoreReports, type ReportsOptions } from './services/reports';
import { createSuspensionTracker, reportGrownupsFor } from './services/report-grownups';
import { machinePolicyFor, type ResolvedPolicy } from './policy/apply';
import { hardeningServices, type HardeningOptions } from './updates/hardening';

export type CoreOptions = Readonly<{
  /** Folder for the family store and every child's store. */
  dataDir: string;
  /** The relay's origin, e.g. `http://127.0.0.1:8787`. */
  relayUrl: string;
  appVersion: string;
  logger: Logger;
  /** Clock. Default Date.now. */
  now?: () => number;
  /** A monotonic clock for the relay's quiet-time durations. Default performance.now. */
  monotonic?: MonotonicClock;
  /** argon2id cost of the grown-ups' password. Default OWASP's. */
  hashCost?: HashCost;
  lockBackoff?: LockBackoffPolicy;
  schedule?: Scheduler;
  reconnect?: ReconnectPolicy;
  ackTimeoutMs?: number;
  deviceInfo?: DeviceInfoSource;
  /**
   * How often the PC looks whether its info changed while running (a new time zone), and the
   * timer it uses (tests drive it). Default every 15 minutes, setTimeout unref'd.
   */
  deviceInfoCheck?: Readonly<{ everyMs?: number; schedule?: Scheduler }>;
  /** How long a call rings before it is missed. Default 30 s; tests shorten it. */
  callRingTimeoutMs?: number;
  /** Shows the grown-ups' system notifications. Default: the page shows them (the web host). */
  notifier?: SystemNotifier;
  /** The system's languages, for the notifications' words when the PC's language is `auto`. */
  systemLanguages?: () => readonly string[];
  /** Where the family's exports are saved (issue 15). Default: `~/Downloads`, else `<dataDir>/exports`. */
  exportDir?: string;
  /** Reports (F11): the first wait before another try. */
  reports?: ReportsOptions;
  /** IT's machine policy (issue 17), read once at start by `loadMachinePolicy`. Default: none. */ policy?: ResolvedPolicy;
}> &
  HardeningOptions;

/** Main's privileged core, the same under Electron, the web host and tests. */
export type DesktopCore = Readonly<{
  services: Services;
  handlers: Handlers;
  events: EventHub;
  sync: RelaySync;
  /** This PC as one of the family's computers (F18). */
  computers: ComputersService;
  /** The children's daily summaries from this PC (issue 14): `runDue` at start and hourly. */
  dailySummaries: DailySummarySender;
  familyDb: WritableDB;
  stores: ChildStores;
  /** Connects every profile on this PC to the relay. */
  start: () => void;
  close: () => void;
}>;

/** How often a running app looks whether a child's day ended (the summary goes once per day anyway). */
const SUMMARY_LOOK_MS = 60 * 60_000;
/** The user's Downloads folder where there is one, else a folder beside the stores. */
function defaultExportDir(dataDir: string): string {
  const downloads = path.join(os.homedir(), 'Downloads');
  return fs.existsSync(downloads) ? downloads : path.join(dataDir, 'exports');
}

/** How often a running PC looks whether its info changed (F18). */
const DEVICE_INFO_CHECK_MS = 15 * 60_000;

/** Builds stores, the lock, the relay client and every service, and wires their events (a factory: `index.ts` and the web host call it). */
export function createDesktopCore(options: CoreOptions): DesktopCore {
  const now = options.now ?? Date.now;
  const logger = options.logger;
  const familyDb = openFamilyStore(options.dataDir, logger, options);
  const stores = createChildStores({ dataDir: options.dataDir, logger });
  const pol = machinePolicyFor(options.policy, familyDb);
  const versions = createRelayVersions();
  const relay = createRelayHttp({ baseUrl: options.relayUrl, versions });
  // Made below; a change of language tells it (the PC's info carries the app's language, F18).
  const computers: { current?: ComputersService } = {};
  // Made with the services below; the sync hands it friends' ICE restarts (issue 18).
  const calls: { current?: CallsService } = {};
  const settings = settingsThatTell(pol.settings(createSettingsService(familyDb)), () => computers.current?.infoMayHaveChanged());
  const hasher = createPasswordHasher(options.hashCost);
  const lock = createParentLock({
    db: familyDb,
    hasher,
    now,
    autoLockMs: () => settings.get().autoLockMinutes * 60_000,
    logger,
    ...(options.lockBackoff ? { backoff: options.lockBackoff } : {}),
    ...(options.schedule ? { schedule: options.schedule } : {}),
    endSession: async (s) => {
      await relay.signOut(s.token, s.sessionId);
    },
  });
  const profiles = createProfilesService({
    familyDb,
    stores,
    hasher,
    now,
    paneUnlocked: () => lock.state() === 'unlocked',
  });
  const events = createEventHub(() => profiles.activeChildId());
  // Issue 14: grown-ups told without opening the pane (parent mode's notifications, the locked pane's badge).
  const attention = createAttentionService({ familyDb, stores, events });
  const notifications = createGrownUpNotifications({
    notifier: options.notifier ?? createPageNotifier(events),
    language: () =>
      resolveUiLanguage(settings.get().language, options.systemLanguages?.() ?? [Intl.DateTimeFormat().resolvedOptions().locale]),
    logger,
  });
  const relayEvents = tapChildEvents(events, (childId, event, payload) => {
    if (event === 'friendsChanged') attention.recount();
    // Issue 14: the unlocked grown-ups' pane follows each child's quiet time on this PC live.
    const quietNow = event === 'quiet' ? (payload as EventPayload<'quiet'>).status : null;
    if (quietNow && lock.state() === 'unlocked' && getProfile(familyDb, childId)?.kind === 'child') {
      events.emit('childQuiet', { childId: childId as EventPayload<'childQuiet'>['childId'], status: quietNow });
    }
    if (event === 'reconsent') attention.reconsentChanged(childId, (payload as EventPayload<'reconsent'>).waiting);
    if (event === 'notice' && getProfile(familyDb, childId)?.kind === 'parent') {
      const told = eventOfNotice((payload as EventPayload<'notice'>).notice);
      if (told) notifications.notify(told);
    }
  });
  const quiet = createQuietTracker(options.monotonic);
  const suspension = createSuspensionTracker();
  const games = createGamesLink();
  // `computers` is made below, once the sync exists; the sync asks it about credentials the relay refused (F18).
  const sync = createRelaySync({
    relayUrl: options.relayUrl,
    relay,
    blobs: createAttachmentTransfer({ baseUrl: options.relayUrl, versions }),
    versions,
    familyDb,
    stores,
    events: relayEvents,
    now,
    logger,
    quiet,
    suspension,
    ...(options.reconnect ? { reconnect: options.reconnect } : {}),
    ...(options.ackTimeoutMs !== undefined ? { ackTimeoutMs: options.ackTimeoutMs } : {}),
    credentialRefused: (childId) => void computers.current?.credentialRefused(childId),
    games,
    callIce: (childId, frame) => calls.current?.iceArrived(childId, frame),
  });
  const parent = createParentAccountService({ relay, lock, familyDb });
  const parentMode = pol.parentMode(createParentModeService({ relay, familyDb, stores, profiles, sync, now, logger }));
  const familyDeps: FamilyDeps = { relay, parent, familyDb, stores, profiles, sync };
  const deviceInfo = withAppLanguage(pol.deviceInfo(options.deviceInfo ?? defaultDeviceInfo(options.appVersion)), settings);
  const pcComputers = createComputersService({ relay, familyDb, stores, profiles, sync, deviceInfo, logger });
  computers.current = pcComputers;
  const activity = createActivityService({
    familyDb,
    stores,
    attachments: createAttachmentsService({ stores, now }),
    events,
    now,
    usage: createRelayUsage({ call: relay.call, parent, familyDb, logger }),
  });
  const timeZone = (): string => deviceInfo().timeZone;
  const summaries = createDailySummarySender({ familyDb, stores, call: relay.call, sync, events, now, timeZone, logger });
  const sendDueSummaries = (): void => {
    summaries.runDue().catch((err: unknown) => logger.warn({ err }, 'could not send the daily summaries'));
  };
  let summaryTimer: ReturnType<typeof setInterval> | null = null;
  const reportDeps = { familyDb, stores, events, now, logger, versions, history: activity.recordHistory };
  const reports = createCoreReports(options.relayUrl, options.reports, reportDeps);
  const services: Services = Object.freeze({
    app: createAppInfoService({
      familyDb,
      relay,
      appVersion: options.appVersion,
      relayOrigin: new URL(options.relayUrl).origin,
      lockSet: () => lock.state() !== 'unset',
    }),
    settings,
    versions,
    lock,
    profiles,
    parent,
    parentMode,
    emailAccount: createEmailAccountService({ email: createEmailHttp(relay.call), relay, parent, parentMode, logger }),
    family: pol.family(createFamilyAdminService({ ...familyDeps, deviceInfo, now })),
    grownUps: createFamilyGrownUpsService({ ...familyDeps, family: createFamilyHttp(relay.call) }),
    approvals: createApprovalsService({ relay, parent, familyDb, stores, now, history: activity.recordHistory }),
    friends: createFriendsService({ relay, familyDb, stores, sync, events: relayEvents, now, history: activity.recordHistory }),
    activity,
    dailySummary: createDailySummaryService({ call: relay.call, parent }),
    summaries,
    messages: createMessagesService({ stores, sync, events, now, isQuiet: quiet.isQuiet, isSuspended: suspension.isSuspended }),
    reconsent: createReconsentService({ parent, http: createReconsentHttp(relay.call), familyDb }),
    paneMessages: createPaneMessagesService({
      parent,
      familyDb,
      stores,
      send: (token, frames, awaitSent) =>
        paneExchange({ wsUrl: realtimeUrl(options.relayUrl), versions }, token, frames, awaitSent),
      now,
      logger: logger.child({ component: 'pane-messages' }),
    }),
    attachments: createAttachmentsService({ stores, now }),
    records: createKidRecordsService({ stores, now }),
    games: games.bind({ ...familyDeps, events, now, logger, options, call: relay.call, gamesHiddenByPolicy: pol.gamesHidden }),
    backgrounds: createBackgroundsService({ stores, now }),
    calls: (calls.current = createCallsService({
      relay,
      relayUrl: options.relayUrl,
      familyDb,
      stores,
      settings,
      presence: sync,
      events: relayEvents,
      refreshContacts: (childId) => sync.refreshContacts(childId),
      now,
      logger,
      ...(options.callRingTimeoutMs !== undefined ? { ringTimeoutMs: options.callRingTimeoutMs } : {}),
    })),
    problems: createRendererProblemsService({ logger, now }),
    attention,
    quiet: createQuietService({ http: createQuietHttp(relay.call), parent, familyDb, tracker: quiet }),
    export: createExportService({
      familyDb,
      stores,
      parent,
      call: relay.call,
      events,
      now,
      exportDir: options.exportDir ?? defaultExportDir(options.dataDir),
      logger,
    }),
    reports,
    reportGrownups: reportGrownupsFor({ call: relay.call, relayUrl: options.relayUrl, versions, parent, familyDb, suspension }),
    grownUpDelete: createGrownUpDeleteService({ ...familyDeps, call: relay.call, lock, parentMode }),
    machinePolicy: pol.service(options.relayUrl),
    ...hardeningServices(options),
  });

  // Time at the PC per child (F10): a profile's session is logged when the child leaves it.
  let session: { childId: string; since: number } | null = null;
  const unsubscribers = [
    versions.onChange((status) => events.emit('versionStatus', status)),
    lock.onChange((status) => {
      // Parent mode closes with the grown-ups' pane: a child who finds the PC unlocked gets no parent's inbox.
      if (status.state === 'locked' && profiles.activeKind() === 'parent') profiles.leave();
      events.emit('lockChanged', status);
      attention.recount();
    }),
    profiles.onChange((profile) => {
      if (session && session.childId !== profile?.childId) {
        const minutes = Math.round((now() - session.since) / 60_000);
        logActivity(stores.get(session.childId).db, { at: session.since, kind: 'session', minutes });
      }
      if (profile && session?.childId !== profile.childId) session = { childId: profile.childId, since: now() };
      if (!profile) session = null;
      sync.setActive(profile?.childId ?? null);
      events.emit('profileChanged', { profile });
      attention.recount();
    }),
  ];

  // The PC's info is checked now and then while it runs (a new time zone) and sent only when it changed.
  const infoEveryMs = options.deviceInfoCheck?.everyMs ?? DEVICE_INFO_CHECK_MS;
  const infoSchedule = options.deviceInfoCheck?.schedule ?? unrefSchedule;
  let stopInfoCheck = (): void => undefined;
  const checkInfoLater = (): void => {
    stopInfoCheck = infoSchedule(() => {
      pcComputers.infoMayHaveChanged();
      checkInfoLater();
    }, infoEveryMs);
  };

  return Object.freeze({
    services,
    handlers: createHandlers(services, logger),
    events,
    sync,
    computers: pcComputers,
    dailySummaries: summaries,
    familyDb,
    stores,
    start(): void {
      relay
        .version()
        .then((v) => versions.learned(v))
        .catch((err: unknown) => logger.warn({ err }, 'could not ask the relay for its version'));
      const all = listProfiles(familyDb);
      activity.prune(all.filter((p) => p.kind === 'child').map((p) => p.childId));
      for (const p of all) sync.start(p.childId);
      pcComputers.infoMayHaveChanged();
      checkInfoLater();
      // The first run after a child's day ended sends it; the hourly look covers a PC left on overnight.
      sendDueSummaries();
      summaryTimer ??= setInterval(sendDueSummaries, SUMMARY_LOOK_MS);
      summaryTimer.unref();
      void reports.flushAll();
    },
    close(): void {
      if (summaryTimer) clearInterval(summaryTimer);
      reports.close();
      games.close();
      stopInfoCheck();
      for (const off of unsubscribers) off();
      sync.stopAll();
      lock.dispose();
      stores.closeAll();
      familyDb.close();
    },
  });
}
