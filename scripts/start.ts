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
 * Environment: PORT (relay port, default 8787), HEARTH_WEB_PORT (web host port, default a free
 * one), HEARTH_DESKTOP_DATA_DIR (default ./data/desktop), HEARTH_TURN_URLS / HEARTH_TURN_SECRET
 * (your own TURN server; then none is started).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from '@hearth/desktop/main/launcher/electron-binary';
import { createLogger } from '@hearth/desktop/main/logging/logger';
import { launchWebHostApp } from '@hearth/desktop/main/web-host/launch';
import { startTurnServer, turnServerAvailable, type LocalTurnServer } from './coturn';

const ROOT = path.resolve(import.meta.dirname, '..');
const RELAY_PORT = Number(process.env.PORT ?? 8787);
const RELAY_URL = `http://127.0.0.1:${RELAY_PORT}`;
const DATA_DIR = path.resolve(ROOT, process.env.HEARTH_DESKTOP_DATA_DIR ?? 'data/desktop');

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
    console.log(
      "hearth: no TURN server here (coturn is not installed), so calls stay off while the grown-ups' setting sends them through the Hearth server. `apt-get install coturn` and npm start runs one; see README, Calls.",
    );
    return null;
  }
  const turn = await startTurnServer();
  console.log(`hearth: calls go through a TURN server on this machine (coturn, ${turn.url}).`);
  return turn;
}

/** Stops the coturn this script started, if any (also when the start fails half-way). */
let stopTurn: (() => Promise<void>) | null = null;

async function startRelay(turn: LocalTurnServer | null): Promise<ChildProcess | null> {
  if (await relayAnswers()) {
    console.log(`hearth: a relay is already answering on ${RELAY_URL}; using it.`);
    return null;
  }
  const turnEnv = turn ? { HEARTH_TURN_URLS: turn.url, HEARTH_TURN_SECRET: turn.secret } : {};
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay-server/src/server.ts', '--port', String(RELAY_PORT)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...turnEnv },
  });
  const deadline = Date.now() + 30_000;
  while (!(await relayAnswers())) {
    if (child.exitCode !== null) throw new Error(`the relay exited with code ${child.exitCode}`);
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
  // A relay already running keeps its own ICE settings: start coturn only for a relay started here.
  const turn = (await relayAnswers()) ? null : await startTurn();
  stopTurn = turn ? turn.close : null;
  const relay = await startRelay(turn);
  const children: ChildProcess[] = relay ? [relay] : [];
  let closeWebHost: (() => Promise<void>) | null = null;

  const shutdown = async (code: number): Promise<void> => {
    await closeWebHost?.();
    await turn?.close();
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  relay?.on('exit', (code) => {
    console.error(`hearth: the relay stopped (code ${code ?? 'none'}).`);
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
    'hearth: Electron is not installed on this machine (no binary in node_modules/electron), so the app is served to your browser instead.',
  );
  const webApp = await launchWebHostApp({
    relayUrl: RELAY_URL,
    dataDir: DATA_DIR,
    rendererDir: path.join(ROOT, 'desktop', 'dist', 'renderer'),
    appVersion: '0.1.0',
    logger: createLogger('hearth-desktop', { level: 'warn' }),
    ...(process.env.HEARTH_WEB_PORT ? { port: Number(process.env.HEARTH_WEB_PORT) } : {}),
  });
  closeWebHost = webApp.close;
  console.log(`hearth: open ${webApp.host.url} in Chromium or Chrome (Ctrl+C stops Hearth).`);
}

main().catch(async (err: unknown) => {
  console.error(`hearth: ${err instanceof Error ? err.message : String(err)}`);
  // Nothing this script started outlives it: coturn is stopped on a failed start too.
  await stopTurn?.();
  process.exit(1);
});
