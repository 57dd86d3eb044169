/**
 * The desktop app's composition root (Electron main process): reads the config, builds the
 * core, hardens the session and opens the window. Everything else is built by factories.
 */
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Notification, powerMonitor, protocol, safeStorage, session } from 'electron';
import electronUpdater from 'electron-updater';
import { loadDesktopConfig } from './config';
import { createDesktopCore } from './core';
import { createLogger } from './logging/logger';
import { loadMachinePolicy, policyConfig } from './policy';
import { APP_ORIGIN, APP_SCHEME } from './shell/app-origin';
import { buildCsp } from './shell/csp';
import { registerIpc } from './shell/ipc-bridge';
import { hardenWebContents } from './shell/navigation';
import { createPermissionCheckHandler, createPermissionRequestHandler } from './shell/permissions';
import { createRendererProtocolHandler } from './shell/renderer-protocol';
import { createRequestFilter } from './shell/request-filter';
import { createMainWindow } from './shell/window-options';
import { createElectronNotifier } from './shell/electron-notifier';
import { electronHardening, type ShellPolicy } from './shell/electron-updates';

// Must happen before `ready`: the app's own scheme is a secure, standard origin.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

async function main(): Promise<void> {
  const configured = loadDesktopConfig({ packaged: app.isPackaged, defaultDataDir: app.getPath('userData'), env: process.env });
  const logger = createLogger('hearth-desktop', { level: configured.logLevel });
  // IT's machine policy (issue 17), read once: its relay and data folder win over the configuration.
  const policy = await loadMachinePolicy(logger);
  const config = policyConfig(configured, policy);
  await app.whenReady();
  // The machine policy's update and keyring settings (issue 17 §3, §4).
  const shellPolicy: ShellPolicy = {
    updateChannel: policy.updateChannel,
    autoInstallUpdates: policy.autoInstallUpdates,
    requireKeyring: policy.requireKeyring,
  };
  const hardening = electronHardening({
    packaged: app.isPackaged,
    version: app.getVersion(),
    safeStorage,
    updater: electronUpdater.autoUpdater,
    policy: shellPolicy,
    logger,
  });

  const core = createDesktopCore({
    ...hardening,
    dataDir: config.dataDir,
    relayUrl: config.relayUrl,
    appVersion: app.getVersion(),
    logger,
    notifier: createElectronNotifier(Notification),
    systemLanguages: () => app.getPreferredSystemLanguages(),
    exportDir: app.getPath('downloads'),
    policy,
  });
  const rendererDir = path.join(import.meta.dirname, '..', 'renderer');
  const preloadPath = path.join(import.meta.dirname, '..', 'preload', 'index.cjs');

  const ses = session.defaultSession;
  protocol.handle(
    APP_SCHEME,
    createRendererProtocolHandler({ rootDir: rendererDir, csp: buildCsp({ relayOrigin: config.relayUrl }) }),
  );
  ses.setPermissionRequestHandler(createPermissionRequestHandler(APP_ORIGIN));
  ses.setPermissionCheckHandler(createPermissionCheckHandler(APP_ORIGIN));
  const filter = createRequestFilter({ appOrigin: APP_ORIGIN, relayOrigin: config.relayUrl });
  ses.webRequest.onBeforeRequest((details, callback) => {
    const verdict = filter(details);
    if (verdict.cancel) logger.warn({ url: details.url.slice(0, 200) }, 'blocked a request');
    callback(verdict);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, APP_ORIGIN));

  let win: BrowserWindow | null = null;
  const unregister = registerIpc({ ipcMain, handlers: core.handlers, events: core.events, appOrigin: APP_ORIGIN }, () =>
    win ? win.webContents : null,
  );
  core.start();
  const stopUpdateChecks = hardening.startChecks();
  // A PC waking up may be in another time zone, or updated meanwhile: it tells the relay if so (F18).
  powerMonitor.on('resume', () => core.computers.infoMayHaveChanged());
  win = createMainWindow({
    // The settings of secureWebPreferences restated where the window is made, where Electronegativity reads them.
    create: (o) =>
      new BrowserWindow({
        ...o,
        webPreferences: {
          ...o.webPreferences,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          disableBlinkFeatures: 'Auxclick',
        },
      }),
    preloadPath,
    startUrl: `${APP_ORIGIN}/index.html`,
  });
  win.on('closed', () => {
    win = null;
  });

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    unregister();
    stopUpdateChecks();
    core.close();
  });
  logger.info({ relay: config.relayUrl, dataDir: config.dataDir }, 'Hearth desktop started');
}

main().catch((err: unknown) => {
  process.stderr.write(`hearth desktop: ${err instanceof Error ? err.message : String(err)}\n`);
  app.exit(1);
});
