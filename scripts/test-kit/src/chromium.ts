/** Launching Debian's Chromium the way TESTING.md describes, with a fake camera file. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * For `describe.skipIf(withoutChromium())`: true where Chromium is missing, so a developer without
 * it skips the browser tests. Under `CI=true` a missing Chromium throws instead: CI fails rather
 * than passing with its browser tests silently skipped.
 */
export function withoutChromium(options: Readonly<{ env?: NodeJS.ProcessEnv; executable?: string }> = {}): boolean {
  const executable = options.executable ?? CHROMIUM_PATH;
  if (existsSync(executable)) return false;
  if ((options.env ?? process.env).CI === 'true') {
    throw new Error(
      `Chromium is missing at ${executable}; install it with: sudo apt-get install chromium (or set CHROMIUM_PATH). Under CI=true browser tests must run, not skip`,
    );
  }
  return true;
}

export type LaunchOptions = Readonly<{
  /** A `.y4m` file the fake camera plays in a loop (default: Chromium's own test pattern). */
  cameraFile?: string;
  /** Send every non-loopback request to this proxy (see egress.ts). */
  proxyUrl?: string;
  /** Flags one caller needs beyond the common ones. */
  extraArgs?: readonly string[];
  /** Another executable (e.g. a wrapper that starts Chromium in a network namespace). */
  executablePath?: string;
}>;

/**
 * Debian's Chromium with the flags that work on these machines (headless, no background
 * networking) and fake camera and microphone; the one launcher of every browser test.
 */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const args = [
    '--headless',
    '--no-sandbox',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
    ...(options.cameraFile ? [`--use-file-for-fake-video-capture=${options.cameraFile}`] : []),
    ...(options.proxyUrl ? [`--proxy-server=${options.proxyUrl}`] : []),
    ...(options.extraArgs ?? []),
  ];
  return chromium.launch({ executablePath: options.executablePath ?? CHROMIUM_PATH, args });
}
