import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import { describeAddress } from './address';
import { StartRefusal } from './start-refusal';

/**
 * The ioredis client `@fastify/rate-limit` keeps its counters in when the relay has a bus, so an
 * address or account has one budget on every instance, not one per instance. Its own connection
 * (the bus keeps subscriber connections of its own). Commands give up after one retry and a short
 * connect timeout, as the plugin's documentation advises: a request never waits long on Redis.
 * Refuses to start (StartRefusal 'bus-unreachable') when Redis does not answer a PING.
 */
export async function openRateLimitRedis(url: string, log: FastifyBaseLogger): Promise<Redis> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 1,
    connectionName: 'hearth-relay-limits',
  });
  let down = false;
  client.on('error', (err: Error) => {
    if (down) return; // ioredis repeats the error on every reconnection attempt
    down = true;
    log.warn({ err: err.message }, 'rate-limit Redis unreachable: limits are not counted until it answers');
  });
  client.on('ready', () => {
    if (down) log.info('rate-limit Redis answers again');
    down = false;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    client.disconnect();
    throw new StartRefusal('bus-unreachable', `Cannot reach the Redis bus at ${describeAddress(url)}: ${(err as Error).message}`);
  }
  return client;
}
