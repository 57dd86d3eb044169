import closeWithGrace from 'close-with-grace';
import { buildApp, type RelayApp } from './app';
import { ConfigError, loadConfig, type RelayConfig } from './config';
import type { StopReason } from './cluster/draining';

/** A start-up failure: its sentence on stderr (no stack), exit status 2, as for a bad flag. */
function refuseToStart(err: unknown): never {
  process.stderr.write(`hearth relay: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}

/**
 * An instance that drained by itself says why and exits: 0 after a newer relay migrated the
 * database (an orderly stop; restarting this old version would be refused), 1 when it lost its
 * instance lock (a supervisor should start it again).
 */
function stopped(reason: StopReason): never {
  process.stderr.write(`hearth relay: ${reason.message}\n`);
  process.exit(reason.code === 'schema-newer' ? 0 : 1);
}

/** The relay's composition root: read config, build the app, listen, close gracefully. */
async function main(): Promise<void> {
  let config: RelayConfig;
  try {
    config = loadConfig(process.argv.slice(2), process.env);
  } catch (err) {
    if (err instanceof ConfigError) refuseToStart(err);
    throw err;
  }
  let app: RelayApp | undefined;
  let address: string;
  try {
    app = await buildApp(config, { onStopped: stopped });
    address = await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await app?.close().catch(() => undefined);
    refuseToStart(err);
  }
  const running = app;
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) running.log.error({ err }, 'closing after an error');
    await running.close();
  });
  const where = {
    instance: config.instanceName,
    database: config.databaseUrl === null ? 'sqlite' : 'postgres',
    bus: config.busUrl === null ? 'in-process' : 'redis',
    dataDir: config.dataDir,
  };
  running.log.info(where, `Hearth relay listening on ${address} (API docs: ${address}/docs/json)`);
}

void main();
