/**
 * What `npm start` may do on this machine besides printing: open the app's URL in the default
 * browser (only in a graphical session, never under CI, never with BROWSER=none), and say in one
 * line what is missing for the browser path (Chromium) and for calls (coturn).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

export const INSTALL_CHROMIUM = 'sudo apt-get install chromium';
export const INSTALL_COTURN = 'sudo apt-get install coturn';

/** True where a person sits at a screen this process can open a browser on. */
export function mayOpenBrowser(env: Env, platform: NodeJS.Platform = process.platform): boolean {
  if (env.BROWSER === 'none') return false;
  if (env.CI && env.CI !== 'false' && env.CI !== '0') return false;
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The command that opens `url` in the default browser (`BROWSER` names another). */
export function browserCommand(url: string, env: Env, platform: NodeJS.Platform = process.platform): [string, string[]] {
  if (env.BROWSER) return [env.BROWSER, [url]];
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

/** Opens `url` without waiting, and without letting the opener write to the terminal. */
export function openInBrowser(url: string, env: Env = process.env): void {
  const [command, args] = browserCommand(url, env);
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  // A missing opener leaves the printed URL, which is enough.
  child.on('error', () => undefined);
  child.unref();
}

function onPath(name: string, env: Env): boolean {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && fs.existsSync(path.join(dir, name)));
}

/** One line for a Linux machine with no Chromium or Chrome to open the app in; null where one is. */
export function chromiumMissingLine(env: Env, platform: NodeJS.Platform = process.platform): string | null {
  if (platform !== 'linux') return null;
  if (env.CHROMIUM_PATH && fs.existsSync(env.CHROMIUM_PATH)) return null;
  const browsers = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  if (browsers.some((name) => onPath(name, env))) return null;
  return `hearth: no Chromium or Chrome on this machine to open Hearth in; install it with: ${INSTALL_CHROMIUM}`;
}

/** The line `npm start` prints where coturn is missing (README, Calls). */
export const COTURN_MISSING_LINE = `hearth: calls are off because coturn (the TURN server) is not installed; install it with: ${INSTALL_COTURN}`;
