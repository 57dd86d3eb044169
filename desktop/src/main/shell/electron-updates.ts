import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../logging/logger';
import { createCredentialVault, type SecretBox } from '../stores/credential-vault';
import { feedUrlFromAppUpdateYml } from '../updates/feed';
import type { HardeningOptions } from '../updates/hardening';
import { detectInstallType, feedPlatform, type InstallFacts } from '../updates/install-type';
import {
  createUpdatesService,
  type PolicySetting,
  type UpdateInstaller,
  type UpdatePolicy,
  type UpdatesService,
} from '../updates/updates-service';

/** build/builder-config.ts's APP_ID and PRODUCT_NAME (the shell cannot import build/). */
const APP_ID = 'org.hearth.desktop';
const PRODUCT_NAME = 'Hearth';
/** How often a running app reads the feed (and once at start). */
const CHECK_EVERY_MS = 4 * 60 * 60_000;

/**
 * electron-updater behind the updates service (issue 17 §3): the service decides whether and
 * when; this only downloads (electron-updater checks the sha512, and on Windows the publisher of
 * the signed installer) and installs. Never used where IT or the distribution installs.
 */
export function electronInstaller(updater: AppUpdater): UpdateInstaller {
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  return {
    async download(channel) {
      updater.channel = channel === 'stable' ? 'latest' : 'beta';
      updater.allowPrerelease = channel === 'beta';
      // Setting a channel turns downgrades on in electron-updater; Hearth never downgrades.
      updater.allowDowngrade = false;
      const found = await updater.checkForUpdates();
      if (!found?.isUpdateAvailable) throw new Error('the feed offers nothing newer');
      await updater.downloadUpdate();
    },
    installOnQuit(on) {
      updater.autoInstallOnAppQuit = on;
    },
    quitAndInstall() {
      updater.quitAndInstall(false, true);
    },
  };
}

/** Electron's safeStorage as the credential vault's seam (usable only after `ready`). */
export function safeStorageBox(storage: SafeStorage, platform: NodeJS.Platform): SecretBox {
  return {
    isEncryptionAvailable: () => storage.isEncryptionAvailable(),
    encryptString: (plain) => storage.encryptString(plain),
    decryptString: (sealed) => storage.decryptString(sealed),
    backend: () => (platform === 'linux' ? storage.getSelectedStorageBackend() : platform === 'darwin' ? 'keychain' : 'dpapi'),
  };
}

const readOrNull = (file: string): string | null => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** Facts of this install, read from the files electron-builder leaves beside the app. */
export function installFacts(
  o: Readonly<{ packaged: boolean; resourcesPath: string; execPath: string; appId: string; productName: string }>,
): Readonly<{ installType: ReturnType<typeof detectInstallType>; feedUrl: string | null }> {
  const facts: InstallFacts = {
    platform: process.platform,
    arch: process.arch,
    packaged: o.packaged,
    env: process.env,
    packageType: readOrNull(path.join(o.resourcesPath, 'package-type')),
    hasNsisUninstaller: fs.existsSync(path.join(path.dirname(o.execPath), `Uninstall ${o.productName}.exe`)),
    hasPkgReceipt: fs.existsSync(`/var/db/receipts/${o.appId}.bom`),
  };
  const yml = o.packaged ? readOrNull(path.join(o.resourcesPath, 'app-update.yml')) : null;
  return { installType: detectInstallType(facts), feedUrl: yml ? feedUrlFromAppUpdateYml(yml) : null };
}

/** The machine policy's values this part needs (issue 17 §2), injected by the composition root. */
export type ShellPolicy = UpdatePolicy & Readonly<{ requireKeyring: PolicySetting<boolean> }>;

/** The Electron shell's updates and credential vault, and the timer that reads the feed. */
export function electronHardening(
  o: Readonly<{
    packaged: boolean;
    version: string;
    safeStorage: SafeStorage;
    updater: AppUpdater;
    policy: ShellPolicy;
    logger: Logger;
  }>,
): HardeningOptions & Readonly<{ updates: UpdatesService; startChecks: () => () => void }> {
  const install = installFacts({
    packaged: o.packaged,
    resourcesPath: process.resourcesPath,
    execPath: process.execPath,
    appId: APP_ID,
    productName: PRODUCT_NAME,
  });
  o.updater.logger = o.logger.child({ component: 'electron-updater' });
  const updates = createUpdatesService({
    currentVersion: o.version,
    feedUrl: install.feedUrl,
    platform: feedPlatform(process.platform, process.arch),
    installType: install.installType,
    policy: o.policy,
    installer: electronInstaller(o.updater),
    logger: o.logger.child({ component: 'updates' }),
  });
  const credentialVault = createCredentialVault({
    box: safeStorageBox(o.safeStorage, process.platform),
    requireKeyring: o.policy.requireKeyring.value,
    logger: o.logger,
  });
  return {
    updates,
    credentialVault,
    startChecks() {
      if (install.installType === 'unpackaged') return () => undefined;
      void updates.check();
      const timer = setInterval(() => void updates.check(), CHECK_EVERY_MS);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
