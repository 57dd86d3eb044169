import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ChildRelayExport, ErrorCode, HearthError, type ChildId, type ExportChildArgs, type ExportResult } from '@hearth/common';
import type { ReadableDB, WritableDB } from '@hearth/sqlite';
import { requireProfile } from '../db/family/queries/profiles';
import { listContacts } from '../db/child/queries/contacts';
import { exportCounts, iterateAttachmentsForExport, logCopySaved } from '../db/child/queries/exports';
import type { Logger } from '../logging/logger';
import type { RelayCall } from '../relay/relay-http';
import type { EventHub } from '../services/event-hub';
import type { ParentAccountService } from '../services/parent-account';
import type { ChildStores } from '../stores/child-stores';
import { writeMessagesJson, writeRecordsJson } from './export-data';
import { writeConversationPages, type PageContext } from './export-pages';
import { writeCallsPage, writeIndexPage } from './export-index';
import { mediaName, STYLE_CSS } from './html';
import { PAGE_WORDS } from './page-words';
import { createZipWriter } from './zip-writer';

export type ExportService = Readonly<{
  /** Writes the child's export as one ZIP in the export folder; one export at a time. */
  exportChild: (args: ExportChildArgs) => Promise<ExportResult>;
}>;

export type ExportDeps = Readonly<{
  familyDb: WritableDB;
  stores: ChildStores;
  parent: Pick<ParentAccountService, 'withSession'>;
  call: RelayCall;
  events: Pick<EventHub, 'emit'>;
  now: () => number;
  /** Where copies are saved: the Downloads folder (Electron, the web host), a temporary one in tests. */
  exportDir: string;
  logger: Logger;
}>;

type RelayPart = Readonly<{ included: true; data: ChildRelayExport } | { included: false; code: string; message: string }>;

/** A free file name in the folder: `Hearth-Mia-2026-12-04.zip`, then `…-2.zip` and so on. */
function freeName(dir: string, childName: string, day: string): string {
  const safe = childName.normalize('NFKD').replace(/[^A-Za-z0-9_-]+/g, '') || 'child';
  for (let i = 1; ; i++) {
    const name = `Hearth-${safe}-${day}${i === 1 ? '' : `-${i}`}.zip`;
    if (!fs.existsSync(path.join(dir, name)) && !fs.existsSync(path.join(dir, `${name}.part`))) return name;
  }
}

/**
 * The family's export (issue 15 §4, F12). Reads the child's store through its own read-only
 * connection (one snapshot, iterators only, so the live connection is never kept busy), asks the
 * relay what it holds, and streams everything into a ZIP written as `<name>.part`, renamed when
 * complete. The child is told in kid words (their "What my grown-ups can see").
 */
export function createExportService(deps: ExportDeps): ExportService {
  let running = false;
  const log = deps.logger.child({ component: 'export' });

  async function relayPart(childId: string): Promise<RelayPart> {
    try {
      const data = await deps.parent.withSession((token) =>
        deps.call('GET', `/v1/children/${childId}/export`, ChildRelayExport, { token }),
      );
      return { included: true, data };
    } catch (err) {
      const e = err instanceof HearthError ? err : new HearthError(ErrorCode.Unavailable, 'The relay could not be reached.');
      log.warn({ code: e.code }, 'the export goes without the relay’s part');
      return { included: false, code: e.code, message: e.message };
    }
  }

  async function run(args: ExportChildArgs): Promise<ExportResult> {
    const childId = args.childId as ChildId;
    const profile = requireProfile(deps.familyDb, childId);
    if (profile.kind !== 'child') throw new HearthError(ErrorCode.NotFound, 'There is no such child on this computer.');
    const store = deps.stores.get(childId);
    const relay = await relayPart(childId);
    const words = PAGE_WORDS[args.lang ?? 'en'];
    const started = deps.now();
    fs.mkdirSync(deps.exportDir, { recursive: true });
    const fileName = freeName(deps.exportDir, profile.displayName, new Date(started).toISOString().slice(0, 10));
    const final = path.join(deps.exportDir, fileName);
    const part = `${final}.part`;
    const ro = new Database(path.join(path.dirname(store.attachmentsDir), 'child.sqlite'), {
      readonly: true,
      fileMustExist: true,
    }) as unknown as ReadableDB;
    const zip = createZipWriter(part, new Date(started));
    try {
      ro.exec('BEGIN'); // one snapshot for every read below
      const counts = exportCounts(ro);
      const media = new Map<string, string>(); // hash → name in the ZIP, for files this PC holds
      for (const a of iterateAttachmentsForExport(ro)) {
        if (fs.existsSync(path.join(store.attachmentsDir, a.hash))) media.set(a.hash, mediaName(a.hash, a.mime));
      }
      const total = counts.messages * 2 + media.size;
      let done = 0;
      let toldAt = 0;
      const tick = (): void => {
        done++;
        const t = Date.now();
        if (t - toldAt >= 200 || done === total) {
          toldAt = t;
          deps.events.emit('exportProgress', { childId, done, total });
        }
      };
      deps.events.emit('exportProgress', { childId, done: 0, total });
      const contacts = listContacts(ro);
      const names = new Map(contacts.map((c) => [c.accountId, c.friendship.friend.displayName]));
      const ctx: PageContext = {
        words,
        childName: profile.displayName,
        names,
        hasMedia: (hash) => media.has(hash),
        dateTime: new Intl.DateTimeFormat(words.lang, { dateStyle: 'medium', timeStyle: 'short' }),
        tick,
      };

      await zip.addText('style.css', STYLE_CSS);
      await writeIndexPage(zip, ro, ctx, { savedAt: started, contacts, relay: relay.included ? relay.data : null });
      await writeCallsPage(zip, ro, ctx);
      await writeConversationPages(zip, ro, ctx);

      const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;
      const r = relay.included ? relay.data : null;
      await zip.addText(
        'data/account.json',
        json({
          childId,
          displayName: profile.displayName,
          username: profile.username,
          avatar: profile.avatar,
          onThisPcSince: profile.addedAt,
          relay: r?.child ?? null,
        }),
      );
      await zip.addText('data/consents.json', json(r?.consents ?? null));
      await zip.addText('data/guardians.json', json(r?.grownUps ?? null));
      await zip.addText(
        'data/friends.json',
        json({ onThisPc: contacts.map((c) => c.friendship), onTheRelay: r?.friendships ?? null }),
      );
      await writeMessagesJson(zip, ro, tick);
      await writeRecordsJson(zip, ro);
      await zip.addText('data/devices.json', json(r?.devices ?? null));
      await zip.addText(
        'data/relay.json',
        json(relay.included ? relay.data : { included: false, code: relay.code, message: relay.message }),
      );
      for (const [hash, name] of media) {
        await zip.addStream(`media/${name}`, fs.createReadStream(path.join(store.attachmentsDir, hash)));
        tick();
      }
      ro.exec('COMMIT');
      const { bytes, files } = await zip.finish({
        hearthExport: 1,
        childId,
        savedAt: new Date(started).toISOString(),
      });
      fs.renameSync(part, final);
      logCopySaved(store.db, deps.now());
      deps.events.emit('exportProgress', { childId, done: total, total });
      log.info({ files, bytes, ms: deps.now() - started }, 'saved a copy of a child’s Hearth');
      return {
        path: final,
        fileName,
        bytes,
        files,
        messages: counts.messages,
        mediaFiles: media.size,
        relayIncluded: relay.included,
        savedAt: started,
      };
    } catch (err) {
      zip.abort(err instanceof Error ? err : new Error(String(err)));
      fs.rmSync(part, { force: true });
      throw err;
    } finally {
      ro.close();
    }
  }

  return Object.freeze({
    async exportChild(args: ExportChildArgs): Promise<ExportResult> {
      if (running) throw new HearthError(ErrorCode.Conflict, 'A copy is being saved already. Wait for it to finish.');
      running = true;
      try {
        return await run(args);
      } finally {
        running = false;
      }
    },
  });
}
