import { createDesktopCore, type DesktopCore } from '../core';
import type { Logger } from '../logging/logger';
import type { ResolvedPolicy } from '../policy/resolve';
import { startWebHost, type WebHost } from './web-host';

export type WebHostApp = Readonly<{ core: DesktopCore; host: WebHost; close: () => Promise<void> }>;

/**
 * The desktop app without Electron: the same core, served to an ordinary browser by the web
 * host. `npm start` uses it where the Electron binary is missing; end-to-end tests use it too.
 */
export async function launchWebHostApp(
  options: Readonly<{
    relayUrl: string;
    dataDir: string;
    rendererDir: string;
    appVersion: string;
    logger: Logger;
    port?: number;
    /** How long a call rings before it is missed (tests). Default 30 s. */
    callRingTimeoutMs?: number;
    /** The PC's clock (tests give it a wrong one). Default Date.now. */
    now?: () => number;
    /** Where the family's exports are saved (issue 15). Default: the core's. */
    exportDir?: string;
    /** IT's machine policy (issue 17; tests). Default: none. */
    policy?: ResolvedPolicy;
  }>,
): Promise<WebHostApp> {
  const core = createDesktopCore({
    dataDir: options.dataDir,
    relayUrl: options.relayUrl,
    appVersion: options.appVersion,
    logger: options.logger,
    ...(options.callRingTimeoutMs !== undefined ? { callRingTimeoutMs: options.callRingTimeoutMs } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.exportDir ? { exportDir: options.exportDir } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
  });
  core.start();
  const host = await startWebHost({
    handlers: core.handlers,
    events: core.events,
    staticDir: options.rendererDir,
    relayOrigin: options.relayUrl,
    logger: options.logger,
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  return {
    core,
    host,
    close: async () => {
      await host.close();
      core.close();
    },
  };
}
