/**
 * A video call with background effects on, end to end: one relay, two web hosts serving the real
 * app, two Chromiums whose fake cameras show a person (the astronaut photo). Alice adds a picture of
 * her own in "My background" and calls Bob; Bob's received video must show her in front of it
 * (pixels of background regions and her face), and again after she switches to a bundled picture
 * in the call. Every request both browsers make is recorded (pages, workers and a proxy for
 * anything not on loopback); the test fails if any goes anywhere but this machine.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCallWorld, type CallKid, type CallWorld } from '@hearth/test-kit/call-world';
import { withoutChromium } from '@hearth/test-kit/chromium';
import { appAttempts, offMachine, startEgressRecorder, type EgressRecorder } from '@hearth/test-kit/egress';
import { makeFlatPicture } from '@hearth/test-kit/fake-camera';
import { must } from '@hearth/test-kit/desktop';
import { axeProblems } from './support/screens';
import { meanColours, near, type Rect, type Rgb } from './support/pixels';
import { say } from './support/ui';
import { pickOceanInCall } from './support/in-call-background';

const SCREENS = path.resolve(import.meta.dirname, '..', 'artifacts', 'screens');

// Regions of the 640×480 astronaut frame (as in effects.e2e.test.ts): the flag and wall, her face.
const FLAG: Rect = { x0: 5, y0: 5, x1: 60, y1: 60 };
const WALL: Rect = { x0: 600, y0: 5, x1: 635, y1: 100 };
const FACE: Rect = { x0: 255, y0: 125, x1: 300, y1: 175 };
const MAGENTA: Rgb = [255, 0, 255];

describe.skipIf(withoutChromium())('a video call with background effects on', () => {
  let work: string;
  let world: CallWorld;
  let recorder: EgressRecorder;
  let alice: CallKid;
  let bob: CallKid;
  let magentaPng: string;
  const requests: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'hearth-effects-call-e2e-'));
    magentaPng = await makeFlatPicture(path.join(work, 'magenta.png'), '0xff00ff');
    recorder = await startEgressRecorder();
    world = await openCallWorld({ workDir: work, names: ['Alice', 'Bob'], page: 'app', proxyUrl: recorder.proxyUrl });
    [alice, bob] = world.kids as [CallKid, CallKid];
    for (const kid of [alice, bob]) {
      kid.page.context().on('request', (r) => requests.push(r.url()));
      kid.page.on('worker', (w) => requests.push(w.url()));
    }
  }, 240_000);

  afterEach(async (ctx) => {
    // A failed step leaves a picture of both windows, to see what went wrong.
    if (ctx.task.result?.state !== 'fail') return;
    mkdirSync(SCREENS, { recursive: true });
    for (const kid of [alice, bob]) {
      await kid?.page.screenshot({ path: path.join(SCREENS, `failed-effects-call-${kid.name}.png`) }).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await world?.close();
    await recorder?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('sends Alice in front of her own picture, and of the ocean after she switches in the call', async () => {
    // Alice adds her picture in "My background".
    await alice.page.getByRole('button', { name: say('en', 'home.myBackground'), exact: true }).click();
    await alice.page.locator('[data-screen="my-background"]').waitFor();
    await alice.page.getByLabel(say('en', 'backgrounds.add')).setInputFiles(magentaPng);
    await expect
      .poll(
        () => alice.page.getByRole('radio', { name: say('en', 'backgrounds.myPictureN', { n: 1 }) }).getAttribute('aria-checked'),
        {
          timeout: 20_000,
        },
      )
      .toBe('true');
    mkdirSync(SCREENS, { recursive: true });
    await alice.page.locator('.back-button').click();
    await alice.page.locator('[data-screen="kid-home"]').waitFor();

    await alice.page.getByTestId(`call-video-${bob.childId}`).click();
    await bob.page.getByTestId('call-accept').click({ timeout: 20_000 });
    const remote = '[data-testid="call-remote-video"]';
    await bob.page.locator(remote).waitFor({ timeout: 20_000 });

    // Bob receives Alice with her picture behind her: flag and wall magenta, her face not. (Until the
    // model has found her, the pipeline may draw the picture alone: wait for a frame with both.)
    const seen = async (): Promise<Rgb[]> => meanColours(bob.page, remote, [FLAG, WALL, FACE]);
    await expect
      .poll(
        async () => {
          const [flag, wall, face] = await seen();
          return near(flag!, MAGENTA, 45) && near(wall!, MAGENTA, 45) && !near(face!, MAGENTA, 90);
        },
        { timeout: 40_000, interval: 300 },
      )
      .toBe(true);
    const [, , face] = await seen();
    expect(face![0], `face ${JSON.stringify(face)}`).toBeGreaterThan(face![2]);
    // Her own view of herself in the call shows the same.
    await expect
      .poll(async () => near((await meanColours(alice.page, '[data-testid="call-local-video"]', [FLAG]))[0]!, MAGENTA, 45), {
        timeout: 10_000,
      })
      .toBe(true);
    await bob.page.screenshot({ path: path.join(SCREENS, 'call-bob-sees-alice-own-picture.png') });

    // In the call, Alice opens the chooser and picks the ocean: Bob's view of the wall turns sky blue.
    await pickOceanInCall(alice.page, async () => {
      const [wall] = await meanColours(bob.page, remote, [WALL]);
      return wall![2] > wall![0] + 40 && wall![2] > 180;
    });
    expect(must(await alice.api.listMyBackgrounds()).choice).toEqual({ kind: 'bundled', id: 'ocean' });
    await alice.page.screenshot({ path: path.join(SCREENS, 'call-alice-in-call-chooser.png') });
    // The chooser in the call screen is as usable as the rest: no serious accessibility problem.
    expect(await axeProblems(alice.page, 'call-alice-in-call-chooser')).toEqual([]);
    await bob.page.screenshot({ path: path.join(SCREENS, 'call-bob-sees-alice-ocean.png') });

    await alice.page.getByTestId('call-hangup').click();
  }, 180_000);

  it('sent no request anywhere but this machine during the call', () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.some((u) => u.includes('/effects/'))).toBe(true);
    expect(offMachine(requests)).toEqual([]);
    expect(appAttempts(recorder.attempts)).toEqual([]);
    expect([...alice.consoleErrors, ...bob.consoleErrors].filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });
});
