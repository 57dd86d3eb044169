import type { ChildRelayExport } from '@hearth/common';
import type { ReadableDB } from '@hearth/sqlite';
import { activityDetailByDay, friendshipHistory } from '../db/child/queries/activity-detail';
import type { ContactRow } from '../db/child/queries/contacts';
import { conversationMonths, iterateTable } from '../db/child/queries/exports';
import { matchesForExport } from '../db/child/queries/games';
import { nameOf, type PageContext } from './export-pages';
import { conversationPage, esc, PAGE_END, pageStart, table } from './html';
import type { ZipWriter } from './zip-writer';

type IndexFacts = Readonly<{ savedAt: number; contacts: readonly ContactRow[]; relay: ChildRelayExport | null }>;

/** `index.html`: the child, the conversations by month, friends, and the way to calls, activity and the data. */
export async function writeIndexPage(zip: ZipWriter, db: ReadableDB, ctx: PageContext, facts: IndexFacts): Promise<void> {
  const w = ctx.words;
  const title = w.title(ctx.childName);
  const date = new Intl.DateTimeFormat(w.lang, { dateStyle: 'long' });
  const page = zip.open('index.html');
  await page.write(
    `${pageStart(w, title, '')}<h1>${esc(title)}</h1>\n<p>${esc(w.savedOn(date.format(facts.savedAt)))}</p>\n<p>${esc(w.intro)}</p>\n`,
  );
  await page.write(
    `<nav><ul><li><a href="#conversations">${esc(w.conversations)}</a></li><li><a href="#friends">${esc(w.friends)}</a></li><li><a href="calls.html">${esc(w.calls)}</a></li><li><a href="calls.html#activity">${esc(w.activity)}</a></li><li><a href="#data">${esc(w.data)}</a></li></ul></nav>\n`,
  );
  await page.write(`<h2 id="conversations">${esc(w.conversations)}</h2>\n`);
  const months = conversationMonths(db);
  if (months.length === 0) await page.write(`<p>${esc(w.noConversations)}</p>\n`);
  let current = '';
  for (const m of months) {
    if (m.contactId !== current) {
      await page.write(`${current ? '</ul>\n' : ''}<h3>${esc(nameOf(ctx, m.contactId))}</h3>\n<ul>\n`);
      current = m.contactId;
    }
    await page.write(
      `<li><a href="${conversationPage(m.contactId, m.month)}">${esc(m.month)}</a> (${esc(w.messagesCount(m.n))})</li>\n`,
    );
  }
  if (current) await page.write('</ul>\n');
  await page.write(`<h2 id="friends">${esc(w.friends)}</h2>\n`);
  const friends =
    facts.relay?.friendships.map((f) => ({ name: f.friend.displayName, status: f.status, since: f.updatedAt })) ??
    facts.contacts.map((c) => ({
      name: c.friendship.friend.displayName,
      status: c.friendship.status,
      since: c.friendship.updatedAt,
    }));
  await page.write(
    friends.length === 0
      ? `<p>${esc(w.noFriends)}</p>\n`
      : table(
          [w.columns.who, w.columns.status, w.columns.since],
          friends.map((f) => [esc(f.name), esc(w.status[f.status] ?? f.status), esc(date.format(f.since))]),
        ),
  );
  await page.write(`<h2 id="data">${esc(w.data)}</h2>\n<p>${esc(w.dataNote)}</p>\n<ul>`);
  for (const f of ['account', 'consents', 'guardians', 'friends', 'messages', 'calls', 'activity', 'devices', 'relay']) {
    await page.write(`<li><a href="data/${f}.json">data/${f}.json</a></li>`);
  }
  await page.write(`<li><a href="manifest.json">manifest.json</a></li></ul>\n${PAGE_END}`);
  await page.end();
}

/** `calls.html`: every call on this PC, then the last 30 days of activity, the games played, blocks and reports. */
export async function writeCallsPage(zip: ZipWriter, db: ReadableDB, ctx: PageContext): Promise<void> {
  const w = ctx.words;
  const page = zip.open('calls.html');
  await page.write(`${pageStart(w, w.calls, '')}<p><a href="index.html">${esc(w.back)}</a></p>\n<h1>${esc(w.calls)}</h1>\n`);
  const c = w.columns;
  let any = false;
  for (const r of iterateTable(db, 'call_log')) {
    if (!any)
      await page.write(
        `<table><thead><tr><th scope="col">${esc(c.when)}</th><th scope="col">${esc(c.who)}</th><th scope="col">${esc(c.kind)}</th><th scope="col">${esc(c.minutes)}</th><th scope="col">${esc(c.status)}</th></tr></thead><tbody>\n`,
      );
    any = true;
    const started = r['started_at'] as number;
    const ended = r['ended_at'] as number | null;
    const kind = `${r['video'] === 1 ? w.videoCall : w.voiceCall}, ${r['direction'] === 'in' ? w.incoming : w.outgoing}`;
    await page.write(
      `<tr><td>${esc(ctx.dateTime.format(started))}</td><td>${esc(nameOf(ctx, r['contact_id'] as string))}</td><td>${esc(kind)}</td><td>${ended ? Math.round((ended - started) / 60_000) : 0}</td><td>${esc(String(r['outcome']))}</td></tr>\n`,
    );
  }
  await page.write(any ? '</tbody></table>\n' : `<p>${esc(w.noCalls)}</p>\n`);
  await page.write(`<h2 id="activity">${esc(w.activity)}</h2>\n`);
  const days = activityDetailByDay(db, 0);
  await page.write(
    table(
      [c.when, c.what],
      days.map((d) => [
        esc(d.day),
        esc(`✉ ${d.sent} ↑ · ${d.received} ↓ · ☎ ${d.calls} (${d.callMinutes} min) · ⏱ ${d.minutesInHearth} min`),
      ]),
    ),
  );
  // Games (F9): each match with a friend, one line (data/activity.json has them too).
  const matches = matchesForExport(db);
  if (matches.length > 0) {
    await page.write(`<h2 id="games">${esc(w.games)}</h2>\n`);
    await page.write(
      table(
        [c.when, c.who, c.what],
        matches.map((m) => [
          esc(ctx.dateTime.format(m.startedAt)),
          esc(nameOf(ctx, m.contactId)),
          esc(
            `${m.game}: ${w.gameOutcome[m.winner === null ? m.result : m.winner === m.contactId ? 'lost' : 'won'] ?? m.result}`,
          ),
        ]),
      ),
    );
  }
  const history = friendshipHistory(db, 0);
  if (history.length > 0) {
    await page.write(
      table(
        [c.when, c.who, c.what],
        history.map((h) => [
          esc(ctx.dateTime.format(h.at)),
          esc(nameOf(ctx, h.contactId)),
          esc(`${h.action} (${h.by})${h.reason ? `: ${h.reason}` : ''}`),
        ]),
      ),
    );
  }
  await page.write(PAGE_END);
  await page.end();
}
