import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode, HearthError, type AttachmentMime } from '@hearth/common';
import { stripVideoMetadata } from './index';
import { fixture, type FixtureName } from './test-pictures';

/**
 * Issue 15 §5: video messages lose their metadata on the receiving PC. The fixtures were made with
 * ffmpeg (`-metadata location=+48.8584+002.2945/ -metadata title=Kidtitle-Secretplace`): an MP4
 * with Apple's metadata keys, a QuickTime file with a `©xyz` location atom in `udta`, a WebM with
 * Tags and a Title, and one written live (Segment and Clusters of unknown size, as a recorder writes).
 */
const LOCATION = '+48.8584+002.2945';
const TITLE = 'Secretplace';
const CASES: ReadonlyArray<readonly [FixtureName, AttachmentMime]> = [
  ['gps.mp4', 'video/mp4'],
  ['gps.mov', 'video/mp4'],
  ['gps.webm', 'video/webm'],
  ['live.webm', 'video/webm'],
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-video-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** ffmpeg decodes every frame of the file (exit 0, nothing on stderr), and ffprobe finds its video stream. */
function decodes(bytes: Buffer, name: string): { frames: number; tags: string } {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const errors = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-'], { encoding: 'utf8', stdio: 'pipe' });
  expect(errors).toBe('');
  const probe = JSON.parse(
    execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-show_streams', '-show_format', '-of', 'json', file], {
      encoding: 'utf8',
    }),
  ) as { streams: { codec_type: string; nb_read_frames: string }[]; format: { tags?: Record<string, string> } };
  const video = probe.streams.find((s) => s.codec_type === 'video');
  return { frames: Number(video?.nb_read_frames ?? 0), tags: JSON.stringify(probe.format.tags ?? {}) };
}

describe('stripping a video message’s metadata', () => {
  it.each(CASES)('%s: the location and title are gone, every frame still decodes, the size is the same', (name, mime) => {
    const sent = fixture(name);
    // The fixture carries them (the test can fail).
    const before = decodes(sent, `sent-${name}`);
    expect(sent.toString('latin1').includes(LOCATION) || before.tags.includes(LOCATION)).toBe(true);
    expect(sent.toString('latin1')).toContain(TITLE);

    const clean = stripVideoMetadata(sent, mime);
    expect(clean.changed).toBe(true);
    expect(clean.bytes.length).toBe(sent.length);
    expect(clean.bytes.toString('latin1')).not.toContain(LOCATION);
    expect(clean.bytes.toString('latin1')).not.toContain(TITLE);
    const after = decodes(clean.bytes, `clean-${name}`);
    expect(after.frames).toBe(before.frames);
    expect(after.frames).toBeGreaterThan(0);
    expect(after.tags).not.toContain(LOCATION);
    // Cleaning twice changes nothing more.
    expect(stripVideoMetadata(clean.bytes, mime).changed).toBe(false);
  });

  it('refuses a file that is not the container it claims, with UNSUPPORTED_MEDIA_TYPE', () => {
    const refused = (bytes: Buffer, mime: AttachmentMime): string | undefined => {
      try {
        stripVideoMetadata(bytes, mime);
        return undefined;
      } catch (err) {
        return err instanceof HearthError ? err.code : 'not a HearthError';
      }
    };
    expect(refused(fixture('gps.webm'), 'video/mp4')).toBe(ErrorCode.UnsupportedMediaType);
    expect(refused(fixture('gps.mp4'), 'video/webm')).toBe(ErrorCode.UnsupportedMediaType);
    expect(refused(fixture('tiny.png'), 'image/png')).toBe(ErrorCode.UnsupportedMediaType);
    expect(refused(fixture('gps.mp4').subarray(0, 100), 'video/mp4')).toBe(ErrorCode.UnsupportedMediaType);
  });

  it('never throws anything but UNSUPPORTED_MEDIA_TYPE on damaged files', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASES),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        ([name, mime], cut, at, byte) => {
          const b = Buffer.from(fixture(name));
          b[at % b.length] = byte;
          const damaged = b.subarray(0, Math.max(1, b.length - (cut % 64)));
          try {
            stripVideoMetadata(damaged, mime);
          } catch (err) {
            expect(err instanceof HearthError && err.code === ErrorCode.UnsupportedMediaType, String(err)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
