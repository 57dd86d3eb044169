/**
 * The 30-day activity view (issue 14, F10) through the UI, in English and Spanish: a child sends
 * her grown-up a text and a photo; the pane shows the day in a chart and a table; the photo shows
 * only after "Show pictures", and the grown-up removes it from the child's history; the child's
 * "What my grown-ups can see" tells her a grown-up looked at her pictures. Time in Hearth, in the
 * pane and in the child's own view, is what the relay counted (issue 14); with the relay stopped,
 * the pane says it shows this computer's own count. Screens are saved under artifacts/screens/ and
 * checked with axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Child, UsageView } from '@hearth/common';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import { launchChromium, openWindow } from './support/browser';
import {
  backHome,
  closePane,
  familyFirstRun,
  familyPerLanguage,
  leaveProfile,
  openChat,
  openPane,
  pickProfile,
  sendText,
  type ParentInfo,
} from './support/flows';
import type { World } from './support/hosts';
import { startWorld } from './support/hosts';
import { countIs, reads, shows, visible } from './support/see';
import { windowFor, type Window } from './support/ui';

const STEP_MS = 180_000;
const tag = Date.now().toString(36);

type Family = { parent: ParentInfo; child: string; w: Window };

let world: World;
let browser: Browser;
const started = createClosers();
const families: Family[] = [];

/** A small PNG drawn in the page (a sun over grass). */
async function drawnPhoto(w: Window): Promise<Buffer> {
  const base64 = (await w.page.evaluate(`(async () => {
    const canvas = new OffscreenCanvas(160, 120);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#7dd3fc';
    ctx.fillRect(0, 0, 160, 120);
    ctx.fillStyle = '#16a34a';
    ctx.fillRect(0, 90, 160, 30);
    ctx.fillStyle = '#facc15';
    ctx.beginPath();
    ctx.arc(120, 30, 18, 0, Math.PI * 2);
    ctx.fill();
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  })()`)) as string;
  return Buffer.from(base64, 'base64');
}

/** What the relay counted for the family's child, read over HTTP with the grown-up's own sign-in. */
async function relayUsage(parent: ParentInfo, child: string): Promise<UsageView> {
  const base = world.relay.url;
  const json = { 'content-type': 'application/json' };
  const signedIn = await fetch(`${base}/v1/sessions`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: parent.email, password: parent.password }),
  });
  expect(signedIn.status).toBe(201);
  const auth = { authorization: `Bearer ${((await signedIn.json()) as { token: string }).token}` };
  const { children } = (await (await fetch(`${base}/v1/children`, { headers: auth })).json()) as { children: Child[] };
  const childId = children.find((c) => c.displayName === child)?.childId;
  const usage = await fetch(`${base}/v1/children/${childId}/usage`, { headers: auth });
  expect(usage.status).toBe(200);
  return (await usage.json()) as UsageView;
}

/**
 * The steps below expect everything on one day (one row, one day's total): a run that would
 * straddle midnight (this PC's, the family's zone here) waits for the new day to begin first.
 * The margin covers the whole file on a slow machine (it takes about 20 s).
 */
const MIDNIGHT_MARGIN_MS = 4 * 60_000;

async function notAcrossMidnight(marginMs: number): Promise<void> {
  const midnight = new Date();
  midnight.setHours(24, 0, 0, 0);
  const left = midnight.getTime() - Date.now();
  if (left < marginMs) await new Promise((r) => setTimeout(r, left + 1_000));
}

const total = (usage: UsageView): number => usage.days.reduce((n, d) => n + d.minutes, 0);

describe.skipIf(withoutChromium())('the 30-day activity view, through the UI', () => {
  beforeAll(async () => {
    await notAcrossMidnight(MIDNIGHT_MARGIN_MS);
    world = started.add(await startWorld(), () => world.close());
    browser = started.add(await launchChromium(), () => browser.close());
  }, STEP_MS + MIDNIGHT_MARGIN_MS);

  afterAll(() => started.closeAll());

  it(
    'sets up a family PC in English and one in Spanish; each child sends her grown-up a text and a photo',
    async () => {
      for (const person of familyPerLanguage(tag)) {
        const pc = await world.newPc(`activity-${person.lang}`);
        const opened = await openWindow(browser, person.locale);
        const w = windowFor(opened.page, person.lang, pc.name);
        await familyFirstRun(w, pc.url, person.parent, { name: person.child, avatar: 'owl' }, false);
        await pickProfile(w, person.child);
        await openChat(w, person.parent.name);
        await sendText(w, 'Look what I drew');
        await w.page
          .getByTestId('photo-input')
          .setInputFiles({ name: 'sun.png', mimeType: 'image/png', buffer: await drawnPhoto(w) });
        await w.button('chat.photoPreview.send').click();
        await w.page.locator('.bubble img[data-testid="photo"]').waitFor({ timeout: 30_000 });
        await backHome(w);
        await leaveProfile(w);
        families.push({ parent: person.parent, child: person.child, w });
      }
    },
    STEP_MS,
  );

  it(
    'shows the day in a chart and a table, the pictures only after a click, and removes one',
    async () => {
      for (const { w, parent, child } of families) {
        await openPane(w, parent, false);
        await w.page.getByRole('button', { name: w.text('pane.nav.activity') }).click();
        await w.screen('grown-ups-activity');
        await visible(w.page.getByRole('img', { name: w.text('activityView.chartLabel', { name: child }) }));
        const table = w.page.getByRole('table', { name: w.text('activityView.tableCaption', { name: child }) });
        await countIs(table.locator('tbody tr'), 1);
        // Time in Hearth is what the relay counted (she was online while she wrote), said so above the chart.
        const usage = await relayUsage(parent, child);
        const counted = usage.days.filter((d) => d.minutes > 0);
        expect(counted.length).toBe(1);
        for (const d of counted) {
          await reads(
            table.locator(`tbody tr[data-day="${d.day}"] td`).first(),
            w.text('activityView.minutes', { count: d.minutes }),
          );
        }
        await reads(
          w.page.locator('.time-source[data-source="relay"]'),
          w.text('usageView.fromRelay', { name: child, zone: usage.timeZone }),
        );
        await visible(table.getByRole('columnheader', { name: w.text('activityView.time'), exact: true }));
        // Two messages sent to her grown-up today (the text and the photo), one per-person line.
        await shows(table.locator('tbody tr td').nth(1), '2');
        await shows(table.locator('tbody li'), `${parent.name}: 2`);
        await shows(w.page.locator('.image-log'), w.text('activityView.imagesCount_one', { count: 1, name: child }));
        // Metadata by default: no picture is on screen until the grown-up asks.
        await countIs(w.page.locator('.image-log img'), 0);
        await w.shot('activity-30-days');

        await w.button('activityView.showPictures').click();
        await visible(w.page.locator('.image-log img.image-log-thumb'));
        await expect
          .poll(() =>
            w.page
              .locator('.image-log img.image-log-thumb')
              .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
          )
          .toBe(160);
        await w.shot('activity-image-log');

        await w.page
          .getByRole('button', {
            name: w.text('activityView.removeLabel', { kind: w.text('activityView.kindPhoto'), name: child }),
          })
          .click();
        await shows(w.page.getByRole('status'), w.text('activityView.removed', { name: child }));
        await countIs(w.page.locator('.image-log img'), 0);
        await shows(w.page.locator('.image-log'), w.text('activityView.imagesCount_other', { count: 0, name: child }));
        await w.shot('activity-picture-removed');
        // The daily summary: off by default, switched on here, kept on the relay.
        const toggle = w.page.getByRole('checkbox', { name: w.text('activityView.summaryToggle', { name: child }) });
        await expect.poll(() => toggle.isEnabled()).toBe(true);
        expect(await toggle.isChecked()).toBe(false);
        await toggle.check();
        await expect.poll(() => toggle.isChecked()).toBe(true);
        await closePane(w);
      }
    },
    STEP_MS,
  );

  it(
    'tells the child in kid words that a grown-up looked at her pictures, and the photo is gone from her chat',
    async () => {
      for (const { w, parent, child } of families) {
        await pickProfile(w, child);
        await w.button('home.whatGrownUpsSee').click();
        await w.screen('what-grown-ups-see');
        const note = w.page.locator('.image-log-note');
        await countIs(note, 1);
        const prefix = w.text('seeMore.lookedAt', { date: '@' }).split('@')[0] ?? '';
        await shows(note, prefix);
        await shows(w.page.locator('#see-more-heading'), w.text('seeMore.title'));
        // Her own view (read with her own credential) shows the relay's minutes. She is online again,
        // so the relay may count the minute she came back in while the screen loads: either figure.
        const minutes = async (): Promise<number> => total(await relayUsage(parent, child));
        const shown = (await w.page.locator('.day-list li').first().textContent()) ?? '';
        const after = await minutes();
        const kidMinutes = (count: number): string => w.text(count === 1 ? 'see.minutes_one' : 'see.minutes_other', { count });
        expect(
          [after - 1, after].map(kidMinutes).some((m) => shown.includes(m)),
          shown,
        ).toBe(true);
        // "My week" says the same time as the 30-day list: the relay's count, not this PC's.
        const week = (await w.page.locator('section[aria-labelledby="week-heading"] .day-list').textContent()) ?? '';
        expect(
          [after - 1, after].map(kidMinutes).some((m) => week.includes(m)),
          week,
        ).toBe(true);
        await reads(w.page.locator('.time-source[data-source="relay"]'), w.text('usageKid.fromRelay'));
        await w.shot('what-grown-ups-see-30-days');
        await backHome(w);
        await openChat(w, parent.name);
        await visible(w.page.locator('.bubble', { hasText: 'Look what I drew' }));
        await countIs(w.page.locator('.bubble img[data-testid="photo"]'), 0);
        await backHome(w);
        expect(w.problems).toEqual([]);
      }
    },
    STEP_MS,
  );

  it(
    'says plainly, with the relay stopped, that time in Hearth is this computer’s own count',
    async () => {
      // The world's single relay can stop (a cluster world has no such switch: the step is left out).
      const relay = world.relay as Partial<{ stop: () => Promise<void> }>;
      if (!relay.stop) return;
      await relay.stop();
      for (const { w, parent, child } of families) {
        await leaveProfile(w);
        await openPane(w, parent, false);
        await w.page.getByRole('button', { name: w.text('pane.nav.activity') }).click();
        await w.screen('grown-ups-activity');
        await reads(w.page.locator('.time-source[data-source="this-pc"]'), w.text('usageView.thisPc', { name: child }));
        const table = w.page.getByRole('table', { name: w.text('activityView.tableCaption', { name: child }) });
        await visible(table.getByRole('columnheader', { name: w.text('usageView.columnThisPc') }));
        await w.shot('activity-time-this-pc');
        await closePane(w);
        expect(w.problems).toEqual([]);
      }
    },
    STEP_MS,
  );
});
