/**
 * `npm start`: builds the desktop app, starts the relay (embedded SQLite, `./data/relay`) as a
 * child process, then opens the desktop app in Electron, or, where the Electron binary is
 * missing, serves it through the web host and prints the URL to open in a browser.
 *
 * Calls go through TURN by default (the grown-ups' "send calls through the Hearth server" setting,
 * so no family learns another's address). Where coturn is installed and no TURN server is
 * configured, a loopback coturn with a fresh shared secret starts beside the relay, so calls work on
 * this machine out of the box; everything `npm start` runs listens on 127.0.0.1 only.
 *
 * The terminal stays quiet: the relay's and the web host's logs go to files under the data folder's
 * `logs/` (its path printed once), a missing coturn or Chromium is one line naming the command that
 * installs it, and the app's URL comes last, on its own line (opened in the default browser where
 * there is a graphical session, never under CI or with BROWSER=none).
 *
 * Environment: PORT (relay port, default 8787), HEARTH_WEB_PORT (web host port, default a free
 * one), HEARTH_DESKTOP_DATA_DIR (default ./data/desktop), HEARTH_TURN_URLS / HEARTH_TURN_SECRET
 * (your own TURN server; then none is started), TURNSERVER_PATH (coturn's `turnserver`, default
 * /usr/bin/turnserver; a path that does not exist plays a machine without coturn), HEARTH_SMTP_URL
 * (`smtp://user:password@host:587`: the relay sends email through it, so grown-ups confirm their
 * email and get "forgot password" codes; unset, it runs in "no email" mode, and a forgotten
 * password needs `npm run relay:admin -- reset-password --email ADDRESS`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from '@hearth/desktop/main/launcher/electron-binary';
import { createLogger } from '@hearth/desktop/main/logging/logger';
import { launchWebHostApp } from '@hearth/desktop/main/web-host/launch';
import { startTurnServer, turnServerAvailable, type LocalTurnServer } from './coturn';
import { chromiumMissingLine, COTURN_MISSING_LINE, mayOpenBrowser, openInBrowser } from './start/desktop-session';
import { emailLine } from './start/email-line';
import { openLogFile, type LogFile } from './start/logs';

const ROOT = path.resolve(import.meta.dirname, '..');
const RELAY_PORT = Number(process.env.PORT ?? 8787);
const RELAY_URL = `http://127.0.0.1:${RELAY_PORT}`;
const DATA_DIR = path.resolve(ROOT, process.env.HEARTH_DESKTOP_DATA_DIR ?? 'data/desktop');
/** Beside the desktop data folder (`./data/logs` by default), shared by a second PC's `npm start`. */
const LOG_DIR = path.join(path.dirname(DATA_DIR), 'logs');
/** The last lines the relay wrote on stderr, to say why it did not start. */
const STDERR_TAIL = 2_000;

async function relayAnswers(): Promise<boolean> {
  try {
    return (await fetch(`${RELAY_URL}/health`, { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
}

/** A loopback coturn for the relay to hand out, unless TURN is configured or coturn is missing. */
async function startTurn(): Promise<LocalTurnServer | null> {
  if (process.env.HEARTH_TURN_URLS) return null;
  if (!turnServerAvailable()) {
    console.log(COTURN_MISSING_LINE);
    return null;
  }
  const turn = await startTurnServer();
  console.log(`hearth: calls go through a TURN server on this machine (coturn, ${turn.url}).`);
  return turn;
}

/** Stops the coturn this script started, if any (also when the start fails half-way). */
let stopTurn: (() => Promise<void>) | null = null;

async function startRelay(turn: LocalTurnServer | null, log: LogFile): Promise<ChildProcess> {
  const turnEnv = turn ? { HEARTH_TURN_URLS: turn.url, HEARTH_TURN_SECRET: turn.secret } : {};
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay-server/src/server.ts', '--port', String(RELAY_PORT)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...turnEnv },
  });
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => log.write(d.toString()));
  child.stderr?.on('data', (d: Buffer) => {
    log.write(d.toString());
    stderr = (stderr + d.toString()).slice(-STDERR_TAIL);
  });
  const deadline = Date.now() + 30_000;
  while (!(await relayAnswers())) {
    if (child.exitCode !== null) {
      throw new Error(`the relay exited with code ${child.exitCode}: ${stderr.trim() || `see ${log.file()}`}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('the relay did not start within 30 seconds');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return child;
}

function build(): void {
  console.log('hearth: building the desktop app…');
  const result = spawnSync('npm', ['run', 'build', '--workspace', '@hearth/desktop', '--silent'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the desktop build failed');
}

async function main(): Promise<void> {
  build();
  console.log(`hearth: logs go to ${LOG_DIR} (a file a day, each kept 7 days).`);
  // A relay already running keeps its own ICE settings: start coturn only for a relay started here.
  const relayRunning = await relayAnswers();
  if (relayRunning) console.log(`hearth: a relay is already answering on ${RELAY_URL}; using it.`);
  const turn = relayRunning ? null : await startTurn();
  stopTurn = turn ? turn.close : null;
  const relayLog = relayRunning ? null : await openLogFile(LOG_DIR, 'relay');
  const relay = relayLog ? await startRelay(turn, relayLog) : null;
  const email = relay ? emailLine(process.env) : null;
  if (email) console.log(email);
  const children: ChildProcess[] = relay ? [relay] : [];
  let closeWebHost: (() => Promise<void>) | null = null;
  let webHostLog: LogFile | null = null;

  const shutdown = async (code: number): Promise<void> => {
    await closeWebHost?.();
    await turn?.close();
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await webHostLog?.close();
    await relayLog?.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  relay?.on('exit', (code) => {
    console.error(`hearth: the relay stopped (code ${code ?? 'none'}); its log is ${relayLog?.file() ?? LOG_DIR}.`);
    void shutdown(1);
  });

  const electron = findElectronBinary(path.join(ROOT, 'build', 'node_modules', 'electron'), process.env);
  if (electron) {
    const app = spawn(electron, [path.join(ROOT, 'desktop')], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, HEARTH_RELAY_URL: RELAY_URL, HEARTH_DESKTOP_DATA_DIR: DATA_DIR },
    });
    children.push(app);
    app.on('exit', (code) => void shutdown(code ?? 0));
    return;
  }

  console.log(
    'hearth: Electron is not installed here (`npm run electron:install` adds it where it can be downloaded), so Hearth opens in your browser.',
  );
  webHostLog = await openLogFile(LOG_DIR, `web-host-${path.basename(DATA_DIR)}`);
  const webApp = await launchWebHostApp({
    relayUrl: RELAY_URL,
    dataDir: DATA_DIR,
    rendererDir: path.join(ROOT, 'desktop', 'dist', 'renderer'),
    appVersion: '0.1.0',
    logger: createLogger('hearth-desktop', { level: 'info', destination: webHostLog.stream }),
    ...(process.env.HEARTH_WEB_PORT ? { port: Number(process.env.HEARTH_WEB_PORT) } : {}),
  });
  closeWebHost = webApp.close;
  const noChromium = chromiumMissingLine(process.env);
  if (noChromium) console.log(noChromium);
  // The URL last, alone on its line: nothing else writes to this terminal after it.
  console.log('hearth: open this in Chromium or Chrome (Ctrl+C stops Hearth):');
  console.log(webApp.host.url);
  if (mayOpenBrowser(process.env)) openInBrowser(webApp.host.url);
}

main().catch(async (err: unknown) => {
  console.error(`hearth: ${err instanceof Error ? err.message : String(err)}`);
  // Nothing this script started outlives it: coturn is stopped on a failed start too.
  await stopTurn?.();
  process.exit(1);
});
