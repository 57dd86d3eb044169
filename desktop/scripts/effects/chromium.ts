/** Launching Debian's Chromium the way TESTING.md describes, with a fake camera file. */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type LaunchOptions = Readonly<{
  /** A `.y4m` file the fake camera plays in a loop. */
  cameraFile: string;
  /** Send every non-loopback request to this proxy (see egress-recorder.ts). */
  proxyUrl?: string;
}>;

export function launchChromium(options: LaunchOptions): Promise<Browser> {
  const args = [
    '--headless',
    '--no-sandbox',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${options.cameraFile}`,
    '--autoplay-policy=no-user-gesture-required',
  ];
  if (options.proxyUrl) args.push(`--proxy-server=${options.proxyUrl}`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args });
}
