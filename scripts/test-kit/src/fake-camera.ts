/**
 * The fake camera: the astronaut photo that ships with Debian's python3-skimage (public domain),
 * as a 640×480 y4m for Chromium's `--use-file-for-fake-video-capture`, plus the same frame as PNG.
 */
import { execFile } from 'node:child_process';
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const ASTRONAUT_PNG = '/usr/lib/python3/dist-packages/skimage/data/astronaut.png';
const FILTER = 'scale=640:640,crop=640:480:0:0';

export type FakeCamera = Readonly<{ y4m: string; png: string; width: 640; height: 480 }>;

export async function makeFakeCamera(dir: string): Promise<FakeCamera> {
  await mkdir(dir, { recursive: true });
  const y4m = path.join(dir, 'cam640.y4m');
  const png = path.join(dir, 'cam640.png');
  const exists = (file: string): Promise<boolean> =>
    access(file).then(
      () => true,
      () => false,
    );
  if (!(await exists(y4m))) {
    await run('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-loop',
      '1',
      '-i',
      ASTRONAUT_PNG,
      '-vf',
      `${FILTER},format=yuv420p`,
      '-r',
      '30',
      '-t',
      '2',
      '-f',
      'yuv4mpegpipe',
      y4m,
    ]);
  }
  if (!(await exists(png))) await run('ffmpeg', ['-loglevel', 'error', '-y', '-i', ASTRONAUT_PNG, '-vf', FILTER, png]);
  return { y4m, png, width: 640, height: 480 };
}

/** A one-colour 800×600 PNG (e.g. `0xff00ff`), for a background picture the tests can find by pixels. */
export async function makeFlatPicture(file: string, colour: string): Promise<string> {
  await run('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `color=c=${colour}:s=800x600`, '-frames:v', '1', file]);
  return file;
}
