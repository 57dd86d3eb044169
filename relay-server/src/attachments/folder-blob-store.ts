import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { BlobStore, ReceivedBlob } from './blob-store';
import { createUploadCheck } from './upload-check';

export type FolderBlobStore = BlobStore & Readonly<{ kind: 'folder'; pathOf(hash: string): string }>;

/**
 * Attachments in a folder, one file per SHA-256 (`<dir>/ab/abcd…`). An upload is written to
 * `<dir>/tmp/<random>` and renamed into place: a rename within one file system is atomic, so
 * on a mount several instances share none of them ever sees half a file, and two instances
 * committing the same bytes leave one file.
 */
export function createFolderBlobStore(dir: string): FolderBlobStore {
  const tmp = path.join(dir, 'tmp');
  const pathOf = (hash: string): string => path.join(dir, hash.slice(0, 2), hash);

  async function receive(stream: Readable, maxBytes: number): Promise<ReceivedBlob> {
    await fs.promises.mkdir(tmp, { recursive: true });
    const key = path.join(tmp, randomBytes(12).toString('hex'));
    const file = await fs.promises.open(key, 'wx');
    const check = createUploadCheck(maxBytes);
    let done;
    try {
      for await (const chunk of stream) {
        const bytes = chunk as Buffer;
        check.add(bytes);
        await file.write(bytes);
      }
      done = check.finish();
      await file.sync();
    } catch (err) {
      stream.destroy();
      await file.close();
      await fs.promises.rm(key, { force: true });
      throw err;
    }
    await file.close();
    return { key, ...done };
  }

  /** Files in a folder, with their age; none when it does not exist. */
  function filesIn(folder: string): { name: string; mtimeMs: number }[] {
    if (!fs.existsSync(folder)) return [];
    return fs.readdirSync(folder).flatMap((name) => {
      try {
        return [{ name, mtimeMs: fs.statSync(path.join(folder, name)).mtimeMs }];
      } catch {
        return []; // gone meanwhile (another instance)
      }
    });
  }

  return {
    kind: 'folder',
    pathOf,
    receive,
    async commit(blob) {
      // Synchronous underneath, so a commit inside a SQLite transaction awaits nothing but itself.
      fs.mkdirSync(path.dirname(pathOf(blob.hash)), { recursive: true });
      fs.renameSync(blob.key, pathOf(blob.hash));
    },
    async discard(blob) {
      fs.rmSync(blob.key, { force: true });
    },
    async open(hash) {
      let fd: number;
      try {
        fd = fs.openSync(pathOf(hash), 'r');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      return fs.createReadStream(pathOf(hash), { fd });
    },
    async size(hash) {
      try {
        return (await fs.promises.stat(pathOf(hash))).size;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async remove(hash) {
      // Synchronous underneath: the file is gone when the call returns, before the sender hears `delivered`.
      fs.rmSync(pathOf(hash), { force: true });
    },
    async removeOrphans(known, before) {
      let removed = 0;
      for (const f of filesIn(tmp)) {
        if (f.mtimeMs >= before) continue;
        fs.rmSync(path.join(tmp, f.name), { force: true });
      }
      if (!fs.existsSync(dir)) return 0;
      for (const shard of fs.readdirSync(dir)) {
        if (!/^[0-9a-f]{2}$/.test(shard)) continue;
        for (const f of filesIn(path.join(dir, shard))) {
          if (known.has(f.name) || f.mtimeMs >= before) continue;
          fs.rmSync(path.join(dir, shard, f.name), { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}
