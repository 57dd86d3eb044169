import type { MessageContent } from '@hearth/common';
import type { PageWords } from './page-words';

/** Text made safe for HTML (element content and quoted attributes alike). */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The one stylesheet of the export (no fonts, images or anything else to fetch). */
export const STYLE_CSS = `body{font-family:system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1rem 1.5rem;color:#1d1b18;background:#fffaf3;line-height:1.5}
h1{font-size:1.8rem}h2{margin-top:2rem;border-bottom:2px solid #e8dcc8}a{color:#8a3b12}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e8dcc8;vertical-align:top}
.msg{margin:.6rem 0;padding:.5rem .8rem;border-radius:.8rem;background:#fff;border:1px solid #e8dcc8;max-width:80%}
.msg.out{margin-left:auto;background:#fdeedd}.meta{font-size:.8rem;color:#5c5247}
img,video{max-width:100%;max-height:24rem;border-radius:.5rem;display:block}audio{width:100%}
.note{color:#5c5247;font-style:italic}
`;

/** A page's start: `root` is the way back to the folder's top (`''` or `'../'`). */
export function pageStart(w: PageWords, title: string, root: string): string {
  return `<!doctype html>
<html lang="${w.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; connect-src 'none'; object-src 'none'; frame-src 'none'; form-action 'none'">
<title>${esc(title)}</title><link rel="stylesheet" href="${root}style.css"></head><body><main>
`;
}

export const PAGE_END = `</main></body></html>\n`;

/** A media file's name in the ZIP: its hash (its name where it is stored) and an extension browsers know. */
export function mediaName(hash: string, mime: string): string {
  const ext: Record<string, string> = {
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'image/gif': 'gif',
    'image/webp': 'webp',
    'video/webm': 'webm',
    'video/mp4': 'mp4',
    'audio/ogg': 'ogg',
    'audio/mp4': 'm4a',
  };
  return `${hash}.${ext[mime] ?? 'bin'}`;
}

/** The page of one conversation and month, relative to the folder's top. */
export function conversationPage(contactId: string, month: string): string {
  return `conversations/${contactId}-${month}.html`;
}

function media(w: PageWords, c: MessageContent, mime: string | null): string {
  if (c.kind !== 'photo' && c.kind !== 'voice' && c.kind !== 'video') return '';
  if (!mime) return `<p class="note">${esc(w.notOnThisPc)}</p>`;
  const src = `../media/${mediaName(c.attachment.hash, mime)}`;
  if (c.kind === 'photo') return `<img src="${src}" alt="${esc(c.caption ?? w.photo)}">`;
  if (c.kind === 'voice') return `<audio controls src="${src}"></audio>`;
  return `<video controls src="${src}"></video>`;
}

/** One message's content as HTML (no script, no URL but the media file's relative path). */
export function contentHtml(w: PageWords, c: MessageContent, mime: string | null): string {
  switch (c.kind) {
    case 'text':
      return `<p>${esc(c.text)}</p>`;
    case 'photo':
      return `<p>${esc(w.photo)}${c.caption ? `: ${esc(c.caption)}` : ''}</p>${media(w, c, mime)}`;
    case 'voice':
      return `<p>${esc(w.voice)} (${Math.round(c.durationMs / 1000)} s)</p>${media(w, c, mime)}`;
    case 'video':
      return `<p>${esc(w.video)} (${Math.round(c.durationMs / 1000)} s)</p>${media(w, c, mime)}`;
    case 'sticker':
      return `<p>${esc(w.sticker)}: ${esc(c.stickerId)}</p>`;
    case 'gif':
      return `<p>${esc(w.gif)}: ${esc(c.gifId)}</p>`;
    case 'game':
    case 'game-move':
      return `<p>${esc(w.game)}</p>`;
    case 'call-log':
      return `<p>${esc(w.call(Math.round(c.durationMs / 60_000)))}</p>`;
    case 'daily-summary':
      return `<p>${esc(w.summary)}</p>`;
    default: {
      const never: never = c;
      return `<p>${esc(String((never as { kind: unknown }).kind))}</p>`;
    }
  }
}

/** A table from rows of already-escaped cells. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>\n`;
}
