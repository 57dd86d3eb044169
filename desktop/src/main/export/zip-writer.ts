import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

/** One file being written into the ZIP: chunks with backpressure, then `end`. */
export type ZipEntryWriter = Readonly<{
  write: (chunk: string | Buffer) => Promise<void>;
  end: () => Promise<void>;
}>;

export type ZipWriter = Readonly<{
  /** Opens the next file; the one before must have ended. */
  open: (name: string, compress?: boolean) => ZipEntryWriter;
  /** Copies a stream (a media file) into the ZIP as the next file. */
  addStream: (name: string, source: Readable, compress?: boolean) => Promise<void>;
  addText: (name: string, text: string) => Promise<void>;
  /** Adds `manifest.json` (SHA-256 and size of every other file) and closes the ZIP. Resolves with its size. */
  finish: (extra: Readonly<Record<string, unknown>>) => Promise<{ bytes: number; files: number }>;
  /** Stops writing (after an error); the file is left for the caller to remove. */
  abort: (err: Error) => void;
}>;

type ManifestEntry = { path: string; sha256: string; bytes: number };

/**
 * A streamed ZIP (yazl) written to `file`. Files go in one at a time: each passes through a
 * transform that hashes it, and the next one starts only when the ZIP has taken the last byte
 * of the one before, so the export never holds more than a few stream buffers in memory.
 */
export function createZipWriter(file: string, now: Date): ZipWriter {
  const zip = new yazl.ZipFile();
  const out = fs.createWriteStream(file);
  const written = pipeline(zip.outputStream, out);
  let failure: Error | null = null;
  written.catch((err: unknown) => {
    failure = err instanceof Error ? err : new Error(String(err));
  });
  const manifest: ManifestEntry[] = [];
  let busy = false;

  const check = (): void => {
    if (failure) throw failure;
  };

  const tap = (name: string, compress: boolean): Transform => {
    check();
    if (busy) throw new Error(`zip: ${name} opened before the file before it ended`);
    busy = true;
    const hash = createHash('sha256');
    let bytes = 0;
    const t = new Transform({
      transform(chunk: Buffer, _enc, done): void {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
      flush(done): void {
        manifest.push({ path: name, sha256: hash.digest('hex'), bytes });
        busy = false;
        done();
      },
    });
    zip.addReadStream(t, name, { compress, mtime: now });
    return t;
  };

  return Object.freeze({
    open(name: string, compress = true): ZipEntryWriter {
      const t = tap(name, compress);
      return {
        async write(chunk: string | Buffer): Promise<void> {
          check();
          if (!t.write(chunk)) await Promise.race([once(t, 'drain'), written]);
        },
        async end(): Promise<void> {
          const flushed = once(t, 'finish');
          t.end();
          await Promise.race([flushed, written]);
          check();
        },
      };
    },
    async addStream(name: string, source: Readable, compress = false): Promise<void> {
      const t = tap(name, compress);
      // The transform ends with the source; wait until it has seen (and hashed) every byte.
      const flushed = once(t, 'finish');
      source.on('error', (err) => t.destroy(err));
      source.pipe(t);
      await Promise.race([flushed, written]);
      check();
    },
    async addText(name: string, text: string): Promise<void> {
      const w = this.open(name);
      await w.write(text);
      await w.end();
    },
    async finish(extra: Readonly<Record<string, unknown>>): Promise<{ bytes: number; files: number }> {
      check();
      const body = JSON.stringify({ ...extra, algorithm: 'SHA-256', files: manifest }, null, 2);
      zip.addBuffer(Buffer.from(body), 'manifest.json', { mtime: now });
      zip.end();
      await written;
      return { bytes: fs.statSync(file).size, files: manifest.length + 1 };
    },
    abort(err: Error): void {
      failure = err;
      out.destroy(err);
    },
  });
}
