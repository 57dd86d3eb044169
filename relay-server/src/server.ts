import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';

/** The relay's composition root: read config, build the app, listen, close gracefully. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.argv.slice(2), process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`hearth relay: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const app = await buildApp(config);
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'closing after an error');
    await app.close();
  });
  const address = await app.listen({ host: config.host, port: config.port });
  app.log.info({ dataDir: config.dataDir }, `Hearth relay listening on ${address} (API docs: ${address}/docs/json)`);
}

void main();
