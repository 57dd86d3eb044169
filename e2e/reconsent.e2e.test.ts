/**
 * Re-consent after a policy change (F15), through the UI, in English and Spanish: the relay
 * restarts serving a new policy version (its grace period set to 0 days, so it is over at once);
 * the child sees "Ask your grown-up to look at something new"; the grown-up sees what changed at
 * the pane's next unlock, agrees once, and the pane shows the consent history. Screens are saved
 * under artifacts/screens/ and checked with axe-core. Then each grown-up's own PC in parent mode:
 * the relay restarts with a third version, the PC shows a system notification (names only), and
 * right after the grown-up signs into parent mode the review card shows what changed and takes
 * the agreement for their child.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createHearthClient, type HearthApi } from '@hearth/common';
import { directTransport, must } from '@hearth/test-kit/desktop';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { DEFAULT_CONFIG } from '@hearth/relay-server/config';
import { launchChromium, openWindow } from './support/browser';
import { familyFirstRun, familyPerLanguage, leaveProfile, openPane, pickProfile } from './support/flows';
import { buildRenderer, startPc, type Pc } from './support/hosts';
import { shows } from './support/see';
import { windowFor, type Window } from './support/ui';

const STEP_MS = 180_000;
const OLD = '2026-11-01';
const NEW = '2026-12-01';
const NEWEST = '2026-12-15';
const CHANGES = {
  en: 'We now keep your children’s quiet-time schedules.',
  es: 'Ahora guardamos los horarios de descanso de tus hijos.',
};
const CHANGES_NEWEST = {
  en: 'We now keep the name of each computer your children use.',
  es: 'Ahora guardamos el nombre de cada computadora que usan tus hijos.',
};
const tag = Date.now().toString(36);

const apiOf = (pc: Pc): HearthApi => {
  if (!pc.app) throw new Error(`${pc.name} is not running`);
  return createHearthClient(directTransport(pc.app.core));
};

/** Records every web notification the page makes, around the browser's own Notification API. */
const RECORD_NOTIFICATIONS = `(() => {
  const Real = window.Notification;
  window.__notes = [];
  window.Notification = class extends Real {
    constructor(title, options) {
      super(title, options);
      window.__notes.push({ title, body: options.body, tag: options.tag });
    }
  };
})()`;

const notes = (page: Page): Promise<{ title: string; body: string; tag: string }[]> =>
  page.evaluate(() => (globalThis as unknown as { __notes: { title: string; body: string; tag: string }[] }).__notes);

let relay: TestRelay;
let browser: Browser;
let rendererDir = '';
const started = createClosers();
const families: { w: Window; pc: Pc; child: string; parent: ReturnType<typeof familyPerLanguage>[number]['parent'] }[] = [];

describe.skipIf(withoutChromium())('re-consent after the relay restarts with a new policy version', () => {
  beforeAll(async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-reconsent-e2e-'));
    started.add(work, () => fs.promises.rm(work, { recursive: true, force: true }));
    const policies = path.join(work, 'policies');
    fs.cpSync(path.join(DEFAULT_CONFIG.policyDir, OLD), path.join(policies, OLD), { recursive: true });
    fs.cpSync(path.join(DEFAULT_CONFIG.policyDir, OLD), path.join(policies, NEW), { recursive: true });
    fs.cpSync(path.join(DEFAULT_CONFIG.policyDir, OLD), path.join(policies, NEWEST), { recursive: true });
    for (const lang of ['en', 'es'] as const) {
      fs.writeFileSync(path.join(policies, NEW, `changes.${lang}.md`), CHANGES[lang]);
      fs.writeFileSync(path.join(policies, NEWEST, `changes.${lang}.md`), CHANGES_NEWEST[lang]);
    }
    rendererDir = await buildRenderer(work);
    relay = started.add(await startTestRelay({ policyDir: policies, policyVersion: OLD, reconsentGraceMs: 0 }), () =>
      relay.dispose(),
    );
    browser = started.add(await launchChromium(), () => browser.close());
  }, STEP_MS);

  afterAll(() => started.closeAll());

  it(
    'sets up a family PC in each language, then the relay restarts serving a new policy',
    async () => {
      for (const person of familyPerLanguage(tag)) {
        const pc: Pc = {
          name: `reconsent-${person.lang}`,
          dataDir: path.join(os.tmpdir(), `hearth-rc-${tag}-${person.lang}`),
          app: null,
          url: '',
        };
        fs.mkdirSync(pc.dataDir, { recursive: true });
        started.add(pc, async () => {
          await pc.app?.close();
          fs.rmSync(pc.dataDir, { recursive: true, force: true });
        });
        await startPc(pc, relay, rendererDir);
        const opened = await openWindow(browser, person.locale);
        const w = windowFor(opened.page, person.lang, pc.name);
        await familyFirstRun(w, pc.url, person.parent, { name: person.child, avatar: 'owl' }, false, OLD);
        families.push({ w, pc, child: person.child, parent: person.parent });
        // The child is at home when the relay goes away and comes back.
        await pickProfile(w, person.child);
      }
      await relay.stop();
      await relay.start({ policyVersion: NEW });
    },
    STEP_MS,
  );

  it(
    'tells the child in kid words, shows the grown-up what changed at unlock, takes the agreement and shows the history',
    async () => {
      for (const { w, parent } of families) {
        await shows(w.page.locator('main'), w.text('kidReconsent.notice'), { timeout: 30_000 });
        await w.shot('reconsent-kid-notice');
        await leaveProfile(w);

        // The locked pane counts the child waiting for a grown-up (a count, no name).
        await w.button('picker.grownUps').click();
        await w.screen('grown-ups-locked');
        const badge = w.page.getByTestId('attention-badge');
        await expect
          .poll(() => badge.textContent(), { timeout: 10_000 })
          .toBe(`1${w.text('pane.attention.waiting_one', { count: 1 })}`);
        await w.shot('reconsent-locked-pane-badge');
        await w.page.locator('.back-button').click();
        await w.screen('profile-picker');

        await openPane(w, parent, false);
        const card = w.page.getByRole('region', { name: w.text('pane.reconsent.title') });
        await shows(card, CHANGES[w.lang]);
        await w.shot('reconsent-pane-what-changed');
        await card.getByRole('button', { name: w.text('pane.reconsent.agree') }).click();
        await shows(w.page.locator('[role="status"]'), w.text('pane.reconsent.thanks', { version: NEW }));
        const history = w.page.getByRole('region', { name: w.text('pane.reconsent.historyTitle') });
        await shows(history, NEW);
        await shows(history, OLD);
        await w.shot('reconsent-pane-history');
        expect(w.problems).toEqual([]);
      }
    },
    STEP_MS,
  );
  it(
    'tells each grown-up’s parent-mode PC of the next version by a notification, and shows the review right after sign-in',
    async () => {
      const parentPcs: { pc: Pc; page: Page; lang: 'en' | 'es'; child: string; parent: (typeof families)[number]['parent'] }[] =
        [];
      for (const { w, child, parent } of families) {
        const pc: Pc = {
          name: `reconsent-parent-${w.lang}`,
          dataDir: path.join(os.tmpdir(), `hearth-rcp-${tag}-${w.lang}`),
          app: null,
          url: '',
        };
        fs.mkdirSync(pc.dataDir, { recursive: true });
        started.add(pc, async () => {
          await pc.app?.close();
          fs.rmSync(pc.dataDir, { recursive: true, force: true });
        });
        await startPc(pc, relay, rendererDir);
        const api = apiOf(pc);
        must(await api.signInParent({ email: parent.email, password: parent.password }));
        must(await api.setParentPassword({ password: parent.paneSecret }));
        must(await api.updateSettings({ language: w.lang }));
        must(await api.startParentMode({ email: parent.email, password: parent.password }));
        must(await api.lock());
        const opened = await openWindow(browser, w.lang === 'en' ? 'en-US' : 'es-MX');
        started.add(opened.context, () => opened.context.close());
        await opened.context.grantPermissions(['notifications']);
        await opened.context.addInitScript(RECORD_NOTIFICATIONS);
        await opened.page.goto(pc.url);
        await opened.page.locator('[data-screen="parent-start"]').waitFor();
        parentPcs.push({ pc, page: opened.page, lang: w.lang, child, parent });
      }
      await relay.stop();
      await relay.start({ policyVersion: NEWEST });

      const TITLES = { en: 'Hearth’s privacy policy changed', es: 'La política de privacidad de Hearth cambió' };
      for (const { page, lang, child, parent } of parentPcs) {
        // The parent-mode socket comes back and the relay asks: a notification with the child's name, once.
        await expect.poll(() => notes(page), { timeout: 30_000 }).toHaveLength(1);
        const [note] = await notes(page);
        expect(note?.title).toBe(TITLES[lang]);
        expect(note?.body).toContain(child);

        const w = windowFor(page, lang, `reconsent-parent-${lang}`);
        await w.field('pane.password').fill(parent.paneSecret);
        await w.button('pane.unlock').click();
        await w.screen('parent-home');
        const card = page.getByRole('region', { name: w.text('pane.reconsent.title') });
        await shows(card, CHANGES_NEWEST[lang], { timeout: 20_000 });
        await shows(card, child);
        await w.shot('parent-mode-reconsent-card');
        await card.getByRole('button', { name: w.text('pane.reconsent.agree') }).click();
        await shows(page.locator('[role="status"]'), w.text('pane.reconsent.thanks', { version: NEWEST }));
        await w.shot('parent-mode-reconsent-thanks');
        expect(w.problems).toEqual([]);
        // One consent for the child, to the newest version, recorded on the relay.
        expect(await notes(page)).toHaveLength(1);
      }
      for (const { pc } of parentPcs) {
        const review = must(await apiOf(pc).getMyPolicyReview({ lang: 'en' }));
        expect(review).toMatchObject({ version: NEWEST, children: [] });
      }
    },
    STEP_MS,
  );
});
