/**
 * Debian's coturn on loopback with a fresh shared secret (coturn's `use-auth-secret`, the scheme
 * the relay's TURN REST credentials follow), for calls that must go through TURN on one machine:
 * `npm start`, and the tests that need it. Not for serving other machines (see the README for a
 * real coturn).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const TURNSERVER_PATH = process.env.TURNSERVER_PATH ?? '/usr/bin/turnserver';

export type LocalTurnServer = Readonly<{
  /** `turn:127.0.0.1:PORT?transport=udp` */
  url: string;
  secret: string;
  /** What the relay needs to hand out credentials for it (`RelayConfig['ice']`). */
  relayIce: Readonly<{
    stunUrls: string[];
    turnUrls: string[];
    turnSecret: string;
    turnTtlSeconds: number;
    transportPolicy: 'all';
  }>;
  close: () => Promise<void>;
}>;

/** A loopback port free right now, for coturn's listener. */
async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function turnServerAvailable(): boolean {
  return existsSync(TURNSERVER_PATH);
}

export async function startTurnServer(): Promise<LocalTurnServer> {
  const port = await freeLoopbackPort();
  const secret = randomBytes(24).toString('base64url');
  // The secret goes in a file only this user can read, not on the command line (where `ps` shows it).
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-coturn-'));
  const conf = path.join(dir, 'turnserver.conf');
  await writeFile(conf, `static-auth-secret=${secret}\n`, { mode: 0o600 });
  const child: ChildProcess = spawn(
    TURNSERVER_PATH,
    [
      // Only this file (`-n` would skip every file, this one too).
      '-c',
      conf,
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${port}`,
      '--min-port=49200',
      '--max-port=49400',
      '--use-auth-secret',
      '--realm=hearth.test',
      // Both children are on this machine: their relayed addresses are loopback ones.
      '--allow-loopback-peers',
      '--no-cli',
      '--no-tls',
      '--no-dtls',
      '--no-tcp-relay',
      '--fingerprint',
      '--log-file=stdout',
      '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const started = new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`coturn did not start:\n${output}`)), 10_000);
    const check = setInterval(() => {
      if (/listener opened on|Total General servers/i.test(output)) {
        clearInterval(check);
        clearTimeout(deadline);
        resolve();
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(check);
      clearTimeout(deadline);
      reject(new Error(`coturn exited with ${String(code)}:\n${output}`));
    });
  });
  try {
    await started;
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  } finally {
    // coturn has read it: the secret now lives only in its memory (and the relay's environment).
    await rm(dir, { recursive: true, force: true });
  }
  const url = `turn:127.0.0.1:${port}?transport=udp`;
  return {
    url,
    secret,
    relayIce: { stunUrls: [], turnUrls: [url], turnSecret: secret, turnTtlSeconds: 3600, transportPolicy: 'all' },
    close: async () => {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
