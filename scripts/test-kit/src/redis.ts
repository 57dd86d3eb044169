/** Redis for tests, on the server TESTING.md says every machine runs (127.0.0.1:6379). */
import { randomBytes } from 'node:crypto';
import net from 'node:net';

export const REDIS_TEST_URL = process.env.HEARTH_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether Redis answers `PING` at `url` (within 2 s), over a bare socket: no client needed. */
export async function redisAnswers(url: string = REDIS_TEST_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    let reply = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      // `-NOAUTH` and the like still mean a Redis answers, but not one the tests can use.
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/**
 * For `describe.skipIf(await withoutRedis())`: true where Redis does not answer, so a developer
 * without it skips the Redis tests. Under `CI=true` a silent Redis throws instead: CI fails
 * rather than passing with those tests skipped.
 */
export async function withoutRedis(options: Readonly<{ env?: NodeJS.ProcessEnv; url?: string }> = {}): Promise<boolean> {
  const url = options.url ?? REDIS_TEST_URL;
  if (await redisAnswers(url)) return false;
  if ((options.env ?? process.env).CI === 'true') {
    throw new Error(
      `Redis does not answer at ${new URL(url).host}; start it with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log (see TESTING.md). Under CI=true Redis tests must run, not skip`,
    );
  }
  return true;
}

/** A key and channel prefix of its own (`hearth_test_<random>:`), so parallel tests never meet. */
export function testRedisPrefix(): string {
  return `hearth_test_${randomBytes(6).toString('hex')}:`;
}
