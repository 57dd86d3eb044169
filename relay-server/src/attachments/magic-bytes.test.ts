import { describe, expect, it } from 'vitest';
import { sniffAttachmentType } from './magic-bytes';

const bytes = (hex: string, text = ''): Uint8Array => Buffer.concat([Buffer.from(hex, 'hex'), Buffer.from(text, 'latin1')]);
const ftyp = (brand: string): Uint8Array =>
  Buffer.concat([Buffer.from('00000020', 'hex'), Buffer.from(`ftyp${brand}`, 'latin1')]);

describe('sniffAttachmentType', () => {
  it.each([
    ['jpeg', bytes('ffd8ffe000104a464946'), 'image/jpeg'],
    ['png', bytes('89504e470d0a1a0a0000000d'), 'image/png'],
    ['gif', bytes('', 'GIF89a\x01\x00'), 'image/gif'],
    ['webp', bytes('', 'RIFF\x24\x00\x00\x00WEBPVP8 '), 'image/webp'],
    ['ogg', bytes('', 'OggS\x00\x02'), 'audio/ogg'],
    ['webm', bytes('1a45dfa39f4286810142f7810142f2810442f381084282847765626d'), 'video/webm'],
    ['mp4', ftyp('isom'), 'video/mp4'],
    ['m4a', ftyp('M4A '), 'audio/mp4'],
  ])('recognises %s', (_name, head, mime) => {
    expect(sniffAttachmentType(head)).toBe(mime);
  });

  it.each([
    ['text', bytes('', 'hello world, this is text')],
    ['html', bytes('', '<!doctype html><script>')],
    ['pdf', bytes('', '%PDF-1.7')],
    ['zip', bytes('504b0304')],
    ['exe', bytes('', 'MZ\x90\x00')],
    ['matroska that is not webm', bytes('1a45dfa39f4286810142f7810142f2810442f38108428288', 'matroska')],
    ['quicktime', ftyp('qt  ')],
    ['empty', bytes('')],
    ['a truncated png', bytes('89504e47')],
  ])('refuses %s', (_name, head) => {
    expect(sniffAttachmentType(head)).toBeUndefined();
  });
});
