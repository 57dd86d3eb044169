/**
 * The family's export (issue 15 §4) through the UI, in English and Spanish: a child sends her
 * grown-up a text and a photo; in the pane's "More", the grown-up saves a copy of her Hearth (a
 * progress bar, then where the ZIP is); the ZIP is unzipped with the `unzip` CLI, every manifest
 * hash checked, and index.html opened from file:// in Chromium with the network off: every
 * request stays a file:// URL inside the folder. The child is told in kid words. Screens are saved
 * under artifacts/screens/ (the pane's card, the opened copy) and checked with axe-core.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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
import { startWorld, type Pc, type World } from './support/hosts';
import { capture } from './support/screens';
import { countIs, shows, visible } from './support/see';
import { windowFor, type Window } from './support/ui';

const STEP_MS = 180_000;
const tag = Date.now().toString(36);

type Family = { parent: ParentInfo; child: string; w: Window; pc: Pc; zip?: string };

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

/** Every file under `dir`, as paths relative to it with forward slashes. */
function filesUnder(dir: string, sub = ''): string[] {
  return fs.readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) => {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(dir, rel) : [rel];
  });
}

describe.skipIf(withoutChromium())('saving a copy of a child’s Hearth, through the UI', () => {
  beforeAll(async () => {
    world = started.add(await startWorld(), () => world.close());
    browser = started.add(await launchChromium(), () => browser.close());
  }, STEP_MS);

  afterAll(() => started.closeAll());

  it(
    'sets up a family PC in English and one in Spanish; each child sends her grown-up a text and a photo',
    async () => {
      for (const person of familyPerLanguage(tag)) {
        const pc = await world.newPc(`export-${person.lang}`);
        const opened = await openWindow(browser, person.locale);
        const w = windowFor(opened.page, person.lang, pc.name);
        await familyFirstRun(w, pc.url, person.parent, { name: person.child, avatar: 'owl' }, false);
        await pickProfile(w, person.child);
        await openChat(w, person.parent.name);
        await sendText(w, 'Look what I drew <b>really</b>');
        await w.page
          .getByTestId('photo-input')
          .setInputFiles({ name: 'sun.png', mimeType: 'image/png', buffer: await drawnPhoto(w) });
        await w.button('chat.photoPreview.send').click();
        await w.page.locator('.bubble img[data-testid="photo"]').waitFor({ timeout: 30_000 });
        await backHome(w);
        await leaveProfile(w);
        families.push({ parent: person.parent, child: person.child, w, pc });
      }
    },
    STEP_MS,
  );

  it(
    'saves one ZIP from the pane’s “More”, with a progress bar, and says where it is',
    async () => {
      for (const f of families) {
        const { w, parent, child } = f;
        await openPane(w, parent, false);
        await w.page.getByRole('button', { name: w.text('pane.nav.later') }).click();
        await shows(w.page.locator('[data-section="export"] h3'), w.text('pane.export.title'));
        await w.shot('grown-ups-export');
        await w.page.getByRole('button', { name: w.text('pane.export.button', { name: child }) }).click();
        // The progress bar shows while main writes (a small export may finish at once).
        const saved = w.page.getByRole('status').filter({ hasText: w.text('pane.export.saved', { file: '' }).trim() });
        await visible(saved);
        await w.shot('grown-ups-export-saved');
        const folder = `${f.pc.dataDir}-downloads`;
        const zips = fs.readdirSync(folder).filter((n) => n.endsWith('.zip'));
        expect(zips).toHaveLength(1);
        f.zip = path.join(folder, zips[0] as string);
        await shows(saved, zips[0] as string);
        await shows(saved, folder);
        await closePane(w);
      }
    },
    STEP_MS,
  );

  it(
    'unzips to a folder whose manifest matches every file, and whose index.html opens offline from file:// alone',
    async () => {
      for (const f of families) {
        const dir = path.join(world.work, `${f.pc.name}-unzipped`);
        execFileSync('unzip', ['-q', f.zip as string, '-d', dir]);
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
          files: { path: string; sha256: string }[];
        };
        const others = filesUnder(dir)
          .filter((p) => p !== 'manifest.json')
          .sort();
        expect(manifest.files.map((m) => m.path).sort()).toEqual(others);
        for (const m of manifest.files) {
          expect(
            createHash('sha256')
              .update(fs.readFileSync(path.join(dir, m.path)))
              .digest('hex'),
            m.path,
          ).toBe(m.sha256);
        }
        expect(
          others.filter((p) => p.startsWith('media/')),
          'the photo, as stored',
        ).toEqual([expect.stringMatching(/^media\/[0-9a-f]{64}\.(?:png|jpg|webp|gif)$/)]);

        const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, offline: true });
        const requests: string[] = [];
        context.on('request', (r) => requests.push(r.url()));
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        const root = pathToFileURL(dir).href;
        await page.goto(`${root}/index.html`);
        await visible(page.locator('h1'));
        const shots = [...(await capture(page, `${f.pc.name}-copy-index`))];
        // Each conversation page: the photo loads from media/ by relative path.
        const links = await page.locator('a[href^="conversations/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(links.length).toBeGreaterThan(0);
        for (const href of links) {
          await page.goto(`${root}/${href as string}`);
          await visible(page.locator('img'));
          expect(await page.locator('img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(
            160,
          );
          await shows(page.locator('article').first(), 'Look what I drew <b>really</b>');
        }
        shots.push(...(await capture(page, `${f.pc.name}-copy-conversation`)));
        await page.goto(`${root}/calls.html`);
        await visible(page.locator('h1'));
        await context.close();
        expect(requests.length).toBeGreaterThan(3);
        expect(requests.some((r) => r.includes('/media/'))).toBe(true);
        for (const url of requests) {
          expect(url.startsWith(`${root}/`), url).toBe(true);
          expect(path.resolve(new URL(url).pathname).startsWith(dir), url).toBe(true);
        }
        expect(errors).toEqual([]);
        expect(shots).toEqual([]);
      }
    },
    STEP_MS,
  );

  it(
    'tells the child in kid words that her grown-up saved a copy of her messages',
    async () => {
      for (const { w, child } of families) {
        await pickProfile(w, child);
        await w.button('home.whatGrownUpsSee').click();
        await w.screen('what-grown-ups-see');
        const note = w.page.locator('.copy-saved-note');
        await countIs(note, 1);
        await shows(note, w.text('kidExport.saved', { date: '@' }).split('@')[0] ?? '');
        await w.shot('what-grown-ups-see-copy-saved');
        await backHome(w);
        await leaveProfile(w);
        expect(w.problems).toEqual([]);
      }
    },
    STEP_MS,
  );
});
