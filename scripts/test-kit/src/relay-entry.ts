/**
 * server.ts's composition (the same flags, app and graceful close) with the configuration adjusted,
 * for relay processes that tests and benchmarks start: `relay-test-entry.ts` (the limits of
 * `startTestRelay`) and the cluster bench's (its limits, and seeded pairs).
 */
import { buildApp, type RelayApp } from '@hearth/relay-server/app';
import { loadConfig, type RelayConfig } from '@hearth/relay-server/config';

/** What `startTestRelay` (relay.ts) changes: cheap argon2, no registration or sign-in limit (every test registers from one address). */
export function testProfile(config: RelayConfig): RelayConfig {
  return {
    ...config,
    passwordHash: { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 },
    rateLimits: { ...config.rateLimits, registerPerHour: 100_000, signInPerMinute: 100_000 },
  };
}

/** Reads the flags, adjusts the configuration, builds the app, runs `beforeListen`, listens; exits 2 with a sentence on failure. */
export async function runRelayProcess(
  adjust: (config: RelayConfig) => RelayConfig,
  beforeListen?: (app: RelayApp) => Promise<void>,
): Promise<void> {
  try {
    const config = Object.freeze(adjust(loadConfig(process.argv.slice(2), process.env)));
    const app = await buildApp(config);
    await beforeListen?.(app);
    await app.listen({ host: config.host, port: config.port });
    // As server.ts's close-with-grace does: SIGTERM or Ctrl+C closes the app (sockets told, writes finished).
    const close = (): void => void app.close().then(() => process.exit(0));
    process.once('SIGTERM', close);
    process.once('SIGINT', close);
  } catch (err) {
    process.stderr.write(`relay process: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  }
}
