import type { MessageContent } from '@hearth/common';
import type { ReadableDB } from '@hearth/sqlite';
import { iterateMessagesForExport, type ExportMessageRow } from '../db/child/queries/exports';
import { contentHtml, conversationPage, esc, PAGE_END, pageStart } from './html';
import type { PageWords } from './page-words';
import type { ZipEntryWriter, ZipWriter } from './zip-writer';

export type PageContext = Readonly<{
  words: PageWords;
  childName: string;
  /** Names of the child's contacts, by account id. */
  names: ReadonlyMap<string, string>;
  /** Media files the ZIP holds, by hash (the media step writes exactly these). */
  hasMedia: (hash: string) => boolean;
  dateTime: Intl.DateTimeFormat;
  /** Called once per message written. */
  tick: () => void;
}>;

/** The contact's name, or their id where this PC no longer knows them. */
export const nameOf = (ctx: PageContext, contactId: string): string => ctx.names.get(contactId) ?? contactId;

function messageHtml(ctx: PageContext, r: ExportMessageRow): string {
  const content = JSON.parse(r.bodyJson) as MessageContent;
  const hash = 'attachment' in content ? content.attachment.hash : null;
  const mime = hash && r.mime && r.fileState !== 'downloading' && ctx.hasMedia(hash) ? r.mime : null;
  const who = r.direction === 'out' ? ctx.words.me : nameOf(ctx, r.contactId);
  return `<article class="msg ${r.direction}"><p class="meta">${esc(who)} · <time datetime="${new Date(r.sentAt).toISOString()}">${esc(
    ctx.dateTime.format(r.sentAt),
  )}</time></p>${contentHtml(ctx.words, content, mime)}</article>\n`;
}

/**
 * One page per conversation and month, written while one SQLite iterator walks the messages in
 * that order: a page ends when the conversation or the month changes. No query runs on this
 * connection meanwhile (an open iterator keeps it busy).
 */
export async function writeConversationPages(zip: ZipWriter, db: ReadableDB, ctx: PageContext): Promise<void> {
  let page: ZipEntryWriter | null = null;
  let key = '';
  const close = async (): Promise<void> => {
    if (!page) return;
    await page.write(`<p><a href="../index.html">${esc(ctx.words.back)}</a></p>\n${PAGE_END}`);
    await page.end();
    page = null;
  };
  for (const r of iterateMessagesForExport(db)) {
    const k = `${r.contactId}/${r.month}`;
    if (k !== key) {
      await close();
      key = k;
      const title = `${nameOf(ctx, r.contactId)} · ${r.month}`;
      page = zip.open(conversationPage(r.contactId, r.month));
      await page.write(
        `${pageStart(ctx.words, title, '../')}<p><a href="../index.html">${esc(ctx.words.back)}</a></p>\n<h1>${esc(title)}</h1>\n`,
      );
    }
    await (page as ZipEntryWriter | null)?.write(messageHtml(ctx, r));
    ctx.tick();
  }
  await close();
}
