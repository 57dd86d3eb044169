/**
 * nginx in front of relay instances, as production runs it: the deployed template
 * (`relay-server/deploy/nginx/hearth-relay.conf`) rendered into a temp folder and run by the current
 * user (`nginx -p DIR -c DIR/nginx.conf`), with no path outside that folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitFor } from './ports';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
/** The configuration operators deploy; the tests run this very file. */
export const NGINX_TEMPLATE = path.join(REPO_ROOT, 'relay-server/deploy/nginx/hearth-relay.conf');
/** Debian's nginx (`apt-get install nginx-light`; `.ci/run` installs it). */
export const NGINX_BIN = process.env.HEARTH_NGINX ?? '/usr/sbin/nginx';

/** For `describe.skipIf(withoutNginx())`: true where nginx is not installed; under `CI=true` it throws instead. */
export function withoutNginx(env: NodeJS.ProcessEnv = process.env): boolean {
  if (fs.existsSync(NGINX_BIN)) return false;
  if (env.CI === 'true') throw new Error(`nginx is not installed at ${NGINX_BIN}: apt-get install -y nginx-light (.ci/run does)`);
  return true;
}

export type NginxValues = Readonly<{
  /** The relay instances, `host:port` each. */
  upstreams: readonly string[];
  listen: string;
  accessLog: string;
  errorLog: string;
}>;

/** The template with its placeholders filled; throws if one is left (a template and kit out of step). */
export function renderRelayConf(template: string, values: NginxValues): string {
  const servers = values.upstreams.map((u) => `server ${u} max_fails=1 fail_timeout=5s;`).join('\n    ');
  // Comment lines name the placeholders; only directives are filled in.
  const out = template
    .split('\n')
    .map((line) =>
      line.trimStart().startsWith('#')
        ? line
        : line
            .replaceAll('@SERVERS@', servers)
            .replaceAll('@LISTEN@', values.listen)
            .replaceAll('@ACCESS_LOG@', values.accessLog)
            .replaceAll('@ERROR_LOG@', values.errorLog),
    )
    .join('\n');
  const left = /@[A-Z_]+@/.exec(out.replace(/^\s*#.*$/gm, ''));
  if (left) throw new Error(`nginx template placeholder ${left[0]} has no value`);
  return out;
}

/** The main file around the http-level template: everything nginx writes stays under `dir`. */
function mainConf(dir: string): string {
  const at = (p: string): string => path.join(dir, p);
  return `worker_processes 1;
worker_rlimit_nofile 16384;
pid ${at('nginx.pid')};
error_log ${at('logs/error.log')} crit;
events { worker_connections 8192; }
http {
    client_body_temp_path ${at('tmp/body')};
    proxy_temp_path ${at('tmp/proxy')};
    fastcgi_temp_path ${at('tmp/fastcgi')};
    uwsgi_temp_path ${at('tmp/uwsgi')};
    scgi_temp_path ${at('tmp/scgi')};
    include ${at('hearth-relay.conf')};
}
`;
}

export type TestNginx = Readonly<{
  /** `http://127.0.0.1:PORT`. */
  url: string;
  port: number;
  dir: string;
  accessLog: () => string;
  errorLog: () => string;
  /** Everything nginx wrote: both logs and its stderr. */
  allLogs: () => string;
  /** Stops nginx (SIGQUIT: lets connections finish briefly, then SIGKILL) and removes its folder. */
  close: () => Promise<void>;
}>;

/** Renders the template for `upstreams`, checks it (`nginx -t`), starts nginx and waits until it answers. */
export async function startNginx(options: Readonly<{ upstreams: readonly string[]; port?: number }>): Promise<TestNginx> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'hearth-nginx-'));
  // Run as root (CI), nginx's workers become `nobody`: they must reach the temp folders.
  await fsp.chmod(dir, 0o755);
  for (const sub of ['logs', 'tmp']) await fsp.mkdir(path.join(dir, sub), { mode: 0o777 });
  const port = options.port ?? (await freePort());
  const accessLog = path.join(dir, 'logs/access.log');
  const errorLog = path.join(dir, 'logs/error.log');
  const template = await fsp.readFile(NGINX_TEMPLATE, 'utf8');
  const conf = renderRelayConf(template, { upstreams: options.upstreams, listen: `127.0.0.1:${port}`, accessLog, errorLog });
  await fsp.writeFile(path.join(dir, 'hearth-relay.conf'), conf);
  const main = path.join(dir, 'nginx.conf');
  await fsp.writeFile(main, mainConf(dir));
  // -e: the log of nginx's own start, before it has read the configuration (else a path under /var/log).
  const base = ['-p', dir, '-e', path.join(dir, 'logs/startup.log'), '-c', main];
  const check = spawnSync(NGINX_BIN, [...base, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) {
    await fsp.rm(dir, { recursive: true, force: true });
    throw new Error(`nginx -t refused the rendered configuration: ${check.stderr}`);
  }
  let stderr = '';
  const child: ChildProcess = spawn(NGINX_BIN, [...base, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-8000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const read = (file: string): string => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
    await fsp.rm(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(() => listening(port, child, () => stderr), 10_000, `nginx on port ${port}`);
  } catch (err) {
    await close();
    throw err;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dir,
    accessLog: () => read(accessLog),
    errorLog: () => read(errorLog),
    allLogs: () => [read(accessLog), read(errorLog), read(path.join(dir, 'logs/startup.log')), stderr].join('\n'),
    close,
  };
}

async function listening(port: number, child: ChildProcess, stderr: () => string): Promise<boolean> {
  if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr()}`);
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
