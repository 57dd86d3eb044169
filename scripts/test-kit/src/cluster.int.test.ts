import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { clusterArgs, dropRedisPrefix, redisAnswers } from './cluster';

const cli = (...args: string[]): string =>
  String(spawnSync('redis-cli', ['-h', '127.0.0.1', ...args], { encoding: 'utf8' }).stdout).trim();

describe('the cluster harness', () => {
  it('gives every instance the same database, bus and prefix, its own name, nginx as the trusted proxy', () => {
    const args = clusterArgs({ databaseUrl: 'postgres://db/x', busPrefix: 'p:', name: 'relay-1', blobs: 'postgres' });
    const flag = (name: string): string | undefined => args[args.indexOf(name) + 1];
    expect(flag('--database')).toBe('postgres://db/x');
    expect(flag('--bus')).toMatch(/^redis:\/\//);
    expect(flag('--bus-prefix')).toBe('p:');
    expect(flag('--instance-name')).toBe('relay-1');
    expect(flag('--trust-proxy')).toBe('127.0.0.1');
    expect(flag('--blobs')).toBe('postgres');
  });

  it.skipIf(!redisAnswers())('removes its Redis keys and no one else’s', () => {
    const prefix = `hearth_test_kit_${process.pid}:`;
    const other = `hearth_test_kit_other_${process.pid}`;
    for (let i = 0; i < 3; i++) cli('set', `${prefix}k${i}`, 'v');
    cli('set', other, 'v');
    dropRedisPrefix(prefix);
    expect(cli('--scan', '--pattern', `${prefix}*`)).toBe('');
    expect(cli('get', other)).toBe('v');
    cli('del', other);
  });
});
