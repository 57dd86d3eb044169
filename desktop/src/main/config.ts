import path from 'node:path';

/** What the desktop app is told at start. Read once, validated, frozen. */
export type DesktopConfig = Readonly<{
  /** The relay's origin. Default `http://127.0.0.1:8787`. */
  relayUrl: string;
  /** Folder for the family store and the children's stores. */
  dataDir: string;
  /** pino level. Default `info`. */
  logLevel: string;
}>;

export class DesktopConfigError extends Error {
  override name = 'DesktopConfigError';
}

/**
 * Reads the configuration. A packaged build ignores the environment (IT policy files will set
 * the relay); a development run may point at another relay with `HEARTH_RELAY_URL` and another
 * folder with `HEARTH_DESKTOP_DATA_DIR`.
 */
export function loadDesktopConfig(
  input: Readonly<{ packaged: boolean; defaultDataDir: string; env: Readonly<Record<string, string | undefined>> }>,
): DesktopConfig {
  const env = input.packaged ? {} : input.env;
  const relayRaw = env.HEARTH_RELAY_URL ?? 'http://127.0.0.1:8787';
  let relay: URL;
  try {
    relay = new URL(relayRaw);
  } catch {
    throw new DesktopConfigError(`HEARTH_RELAY_URL must be a URL such as http://127.0.0.1:8787, got "${relayRaw}"`);
  }
  if (relay.protocol !== 'http:' && relay.protocol !== 'https:') {
    throw new DesktopConfigError(`HEARTH_RELAY_URL must start with http:// or https://, got "${relayRaw}"`);
  }
  return Object.freeze({
    relayUrl: relay.origin,
    dataDir: path.resolve(env.HEARTH_DESKTOP_DATA_DIR ?? input.defaultDataDir),
    logLevel: env.LOG_LEVEL ?? 'info',
  });
}
