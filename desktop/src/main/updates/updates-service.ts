import type { InstallType, UpdateChannel, UpdateProblem, UpdateStatus } from '@hearth/common';
import type { Logger } from '../logging/logger';
import { isOffered, readFeed, type FeedPlatform } from './feed';
import { updateBehaviour } from './install-type';

/** One machine-policy value as the policy resolver gives it (its `source` is not needed here). */
export type PolicySetting<T> = Readonly<{ value: T; locked: boolean }>;

/** The machine policy's update settings (issue 17 §2), injected by the composition root. */
export type UpdatePolicy = Readonly<{
  updateChannel: PolicySetting<UpdateChannel>;
  autoInstallUpdates: PolicySetting<boolean>;
}>;

/**
 * The Electron half (electron-updater), kept thin in the shell; absent under the web host and in
 * tests of the reading, where nothing can be installed.
 */
export type UpdateInstaller = Readonly<{
  /** Downloads the update for `channel` and checks it (signature or sha512, per platform). */
  download(channel: UpdateChannel): Promise<void>;
  /** Installs the downloaded update when the app quits by itself (automatic installs). */
  installOnQuit(on: boolean): void;
  /** Quits and installs the downloaded update now. */
  quitAndInstall(): void;
}>;

export type UpdatesOptions = Readonly<{
  currentVersion: string;
  feedUrl: string | null;
  platform: FeedPlatform;
  installType: InstallType;
  policy: UpdatePolicy;
  installer?: UpdateInstaller;
  fetch?: typeof fetch;
  now?: () => number;
  logger?: Logger;
}>;

export type UpdatesService = Readonly<{
  status(): UpdateStatus;
  /** Reads the feed now; a bad feed is a `problem`, never a throw. */
  check(): Promise<UpdateStatus>;
  /** "Install now": downloads if needed, then quits and installs (only where the app installs). */
  installNow(): Promise<UpdateStatus>;
  /** "Later": the banner waits for a newer version than the one offered now. */
  postpone(): UpdateStatus;
}>;

/** Updates for this machine, gated by its install type and the machine policy. */
export function createUpdatesService(o: UpdatesOptions): UpdatesService {
  const now = o.now ?? Date.now;
  const behaviour = updateBehaviour(o.installType);
  let state: UpdateStatus['state'] = 'idle';
  let available: UpdateStatus['available'] = null;
  let problem: UpdateProblem | null = null;
  let checkedAt: number | null = null;
  let postponedVersion: string | null = null;
  let downloading: Promise<void> | null = null;

  const status = (): UpdateStatus => ({
    currentVersion: o.currentVersion,
    channel: o.policy.updateChannel.value,
    channelLocked: o.policy.updateChannel.locked,
    autoInstall: o.policy.autoInstallUpdates.value && behaviour.installedBy === 'app',
    autoInstallLocked: o.policy.autoInstallUpdates.locked,
    installType: o.installType,
    installedBy: behaviour.installedBy,
    state,
    available,
    postponed: available !== null && available.version === postponedVersion,
    problem,
    checkedAt,
  });

  const canInstall = (): boolean => behaviour.installedBy === 'app' && o.installer !== undefined;

  function download(): Promise<void> {
    const installer = o.installer;
    if (!installer) return Promise.reject(new Error('no installer'));
    downloading ??= (async () => {
      state = 'downloading';
      try {
        await installer.download(o.policy.updateChannel.value);
        state = 'ready';
        problem = null;
        // Automatic installs happen when the app quits by itself; off, only "Install now" installs.
        installer.installOnQuit(o.policy.autoInstallUpdates.value);
      } catch (err) {
        state = 'error';
        problem = 'download-failed';
        o.logger?.warn({ err: (err as Error).message.slice(0, 200) }, 'update download failed');
        throw err;
      } finally {
        downloading = null;
      }
    })();
    return downloading;
  }

  return {
    status,
    async check() {
      if (state === 'downloading' || state === 'ready') return status();
      state = 'checking';
      const read = await readFeed({
        feedUrl: o.feedUrl,
        channel: o.policy.updateChannel.value,
        platform: o.platform,
        ...(o.fetch ? { fetch: o.fetch } : {}),
      });
      checkedAt = now();
      if (!read.ok) {
        state = 'error';
        problem = read.problem;
        o.logger?.warn({ problem: read.problem, detail: read.detail }, 'update check failed');
        return status();
      }
      problem = null;
      if (!isOffered(o.currentVersion, read.feed.version, o.policy.updateChannel.value)) {
        state = 'up-to-date';
        available = null;
        return status();
      }
      state = 'available';
      available = { version: read.feed.version, releaseDate: read.feed.releaseDate ?? null };
      o.logger?.info({ version: read.feed.version, file: read.file }, 'a new version is ready');
      if (o.policy.autoInstallUpdates.value && canInstall()) void download().catch(() => undefined);
      return status();
    },
    async installNow() {
      if (!available) return status();
      if (!canInstall()) {
        problem = 'install-not-here';
        return status();
      }
      if (state !== 'ready') {
        try {
          await download();
        } catch {
          return status();
        }
      }
      o.installer?.quitAndInstall();
      return status();
    },
    postpone() {
      if (available) postponedVersion = available.version;
      return status();
    },
  };
}

/** A machine with no managed policy: the stable channel, automatic installs on (a family may change neither yet). */
export const UNMANAGED_UPDATE_POLICY: UpdatePolicy = {
  updateChannel: { value: 'stable', locked: false },
  autoInstallUpdates: { value: true, locked: false },
};

/** Updates where nothing can be installed (the web host, tests): the pane says there is no feed. */
export function unpackagedUpdates(currentVersion: string): UpdatesService {
  return createUpdatesService({
    currentVersion,
    feedUrl: null,
    platform: 'linux',
    installType: 'unpackaged',
    policy: UNMANAGED_UPDATE_POLICY,
  });
}
