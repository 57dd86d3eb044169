/**
 * Computers (F18) as a family meets them, in English and Spanish: the pane lists each computer
 * with its children, system and version, Hearth version, language, time zone and the day it was
 * last seen. A second PC is switched off, the grown-up signs it out from the first PC's pane with
 * "also erase Hearth's data", and when the second PC starts again it learns it (DEVICE_REVOKED
 * from the relay's tombstone): its profile and the child's folder are gone, and it asks to be set
 * up again from its grown-ups' pane. Screens are saved under artifacts/screens/ and checked with axe-core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createHearthClient } from '@hearth/common';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { createClosers } from '@hearth/test-kit/closers';
import { directTransport, must, TEST_PASSWORD } from '@hearth/test-kit/desktop';
import { waitFor } from '@hearth/test-kit/ports';
import { launchChromium, openWindow } from './support/browser';
import { familyFirstRun, familyPerLanguage, openPane } from './support/flows';
import { startPc, startWorld, stopPc, type Pc, type World } from './support/hosts';
import { lacks, shows, visible } from './support/see';
import { windowFor } from './support/ui';

const STEP_MS = 240_000;
const tag = Date.now().toString(36);

let world: World;
let browser: Browser;
const started = createClosers();

/** Sets a second PC up for the family's child through its core (the same contract its window uses). */
async function enrollSecondPc(pc: Pc, email: string, password: string, childName: string): Promise<string> {
  const core = pc.app?.core;
  if (!core) throw new Error('the second PC is not running');
  const api = createHearthClient(directTransport(core));
  must(await api.signInParent({ email, password }));
  const child = must(await api.listChildren()).children.find((c) => c.child.displayName === childName);
  if (!child) throw new Error(`no child ${childName}`);
  must(await api.enrollPc({ name: `${childName}'s laptop`, childIds: [child.child.childId] }));
  must(await api.setParentPassword({ password: TEST_PASSWORD }));
  await waitFor(() => core.sync.connectionState(child.child.childId) === 'online', 10_000, 'second PC online');
  return child.child.childId;
}

describe.skipIf(withoutChromium())('computers: a second PC signed out and erased remotely, through the pane', () => {
  beforeAll(async () => {
    world = started.add(await startWorld(), () => world.close());
    browser = started.add(await launchChromium(), () => browser.close());
  }, STEP_MS);

  afterAll(() => started.closeAll());

  for (const person of familyPerLanguage(tag)) {
    it(
      `lists the computers and signs the switched-off one out with its data erased (${person.lang})`,
      async () => {
        const pc = await world.newPc(`computers-${person.lang}`);
        const opened = await openWindow(browser, person.locale);
        const w = windowFor(opened.page, person.lang, `computers-${person.lang}`);
        await familyFirstRun(w, pc.url, person.parent, { name: person.child, avatar: 'owl' }, false);

        const laptop = await world.newPc(`computers-laptop-${person.lang}`);
        const childId = await enrollSecondPc(laptop, person.parent.email, person.parent.password, person.child);
        const childDir = path.join(laptop.dataDir, 'children', childId);
        expect(fs.existsSync(path.join(childDir, 'child.sqlite'))).toBe(true);
        // The laptop is switched off before the sign-out.
        await stopPc(laptop);

        await openPane(w, person.parent, false);
        await w.page.getByRole('button', { name: w.text('pane.nav.children') }).click();
        await w.screen('grown-ups-children');
        const laptopCard = w.page.locator('li.device', { hasText: `${person.child}'s laptop` });
        await visible(laptopCard);
        await shows(laptopCard, w.text('pane.devices.children', { names: person.child }));
        await shows(laptopCard, w.text('pane.computers.lastSeen'));
        // The day it was last seen, in the pane's language (a date, never a time).
        await expect.poll(async () => laptopCard.locator('dd').last().textContent()).not.toBe(w.text('pane.computers.neverSeen'));
        await shows(laptopCard, w.text('pane.computers.zone'));
        await shows(laptopCard, 'Linux');
        await w.shot('computers-list');

        await laptopCard.getByRole('button', { name: w.text('pane.computers.signOut') }).click();
        await laptopCard.getByLabel(w.text('pane.computers.erase')).check();
        await shows(laptopCard, w.text('pane.computers.eraseHint'));
        await w.shot('computers-sign-out-confirm');
        await laptopCard.getByRole('button', { name: w.text('pane.computers.signOutYes') }).click();
        await shows(laptopCard, w.text('pane.computers.signedOut'));
        await w.shot('computers-signed-out');
        // This PC still has its child.
        expect(fs.existsSync(path.join(pc.dataDir, 'children', childId, 'child.sqlite'))).toBe(true);

        // The grown-up's own PC in parent mode is listed too, with the day it was last seen, and signed out from here.
        const own = await world.newPc(`computers-own-${person.lang}`);
        const ownApi = createHearthClient(directTransport(own.app!.core));
        must(await ownApi.signInParent({ email: person.parent.email, password: person.parent.password }));
        must(await ownApi.setParentPassword({ password: TEST_PASSWORD }));
        const { childId: ownId } = must(
          await ownApi.startParentMode({ email: person.parent.email, password: person.parent.password }),
        );
        await waitFor(() => own.app?.core.sync.connectionState(ownId) === 'online', 10_000, 'parent mode online');
        await w.page.getByRole('button', { name: w.text('pane.nav.computer') }).click();
        await w.page.getByRole('button', { name: w.text('pane.nav.children') }).click();
        const ownCard = w.page.locator('li[data-parent-computer]');
        await visible(ownCard);
        await shows(w.page.locator('.parent-computers'), w.text('pane.parentComputers.title'));
        await shows(ownCard, w.text('pane.parentComputers.name'));
        await expect.poll(async () => ownCard.locator('dd').last().textContent()).not.toBe(w.text('pane.computers.neverSeen'));
        await ownCard.scrollIntoViewIfNeeded();
        await w.shot('computers-parent-mode');
        await ownCard.getByRole('button', { name: w.text('pane.parentComputers.signOut') }).click();
        await shows(ownCard, w.text('pane.parentComputers.confirm'));
        await w.shot('computers-parent-mode-confirm');
        await ownCard.getByRole('button', { name: w.text('pane.parentComputers.signOutYes') }).click();
        await expect.poll(async () => w.page.locator('li[data-parent-computer]').count()).toBe(0);
        // Its session ended: parent mode there is no longer connected.
        await waitFor(() => own.app?.core.sync.connectionState(ownId) !== 'online', 10_000, 'parent mode signed out');

        // The laptop starts again: it learns it was signed out and erases the child's data.
        await startPc(laptop, world.relay, world.rendererDir);
        await waitFor(() => !fs.existsSync(childDir), 15_000, "the child's folder erased on the laptop");
        const laptopWindow = await openWindow(browser, person.locale);
        const lw = windowFor(laptopWindow.page, person.lang, `computers-laptop-${person.lang}`);
        await lw.page.goto(laptop.url);
        // The grown-ups' password stays (this PC is the family's): the picker, with nobody on it.
        await lw.screen('profile-picker');
        await lacks(lw.page.locator('body'), person.child);
        await lw.shot('after-erase');
        expect(lw.problems).toEqual([]);
        expect(must(await createHearthClient(directTransport(laptop.app!.core)).getAppInfo())).toMatchObject({
          enrolled: false,
          profileCount: 0,
        });
        await laptopWindow.context.close();

        expect(w.problems).toEqual([]);
        expect(opened.watch.errors).toEqual([]);
        await opened.context.close();
      },
      STEP_MS,
    );
  }
});
