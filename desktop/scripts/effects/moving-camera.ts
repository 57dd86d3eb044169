/**
 * A fake camera where the person moves: the astronaut photo (Debian's python3-skimage) panning
 * sideways over a plain room, as a y4m for Chromium's `--use-file-for-fake-video-capture` (which
 * plays it in a loop; the motion goes there and back, so the loop has no jump).
 */
import { execFile } from 'node:child_process';
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ASTRONAUT_PNG } from '@hearth/test-kit/fake-camera';

const run = promisify(execFile);

export type MovingCameraOptions = Readonly<{ width: number; height: number; frames: number }>;

/** Writes (once) and returns the y4m file in `dir`. */
export async function makeMovingCamera(dir: string, options: MovingCameraOptions): Promise<string> {
  const { width, height, frames } = options;
  await mkdir(dir, { recursive: true });
  const y4m = path.join(dir, `moving-${width}x${height}-${frames}.y4m`);
  const exists = await access(y4m).then(
    () => true,
    () => false,
  );
  if (exists) return y4m;
  const side = Math.round(height * 0.95);
  const swing = Math.round((width - side) / 2);
  await run('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `color=c=0x8a9a7b:s=${width}x${height}:r=30`,
    '-loop',
    '1',
    '-i',
    ASTRONAUT_PNG,
    '-filter_complex',
    `[1]scale=${side}:${side}[p];[0][p]overlay=x='${swing}+${swing}*sin(2*PI*n/${frames})':y=${height - side},format=yuv420p`,
    '-frames:v',
    String(frames),
    '-f',
    'yuv4mpegpipe',
    y4m,
  ]);
  return y4m;
}
