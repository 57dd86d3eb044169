/**
 * In a call page: a watch on the call's received video, whatever stream the call shows now (a
 * recovered call brings a new one), frame by frame (requestVideoFrameCallback), and on the
 * phases the call goes through. Times are the page's `performance.now()` plus its time origin,
 * so they compare with the test's `Date.now()`.
 */
import type { Page } from 'playwright-core';
import type { CallHarness } from '@hearth/desktop/renderer/calls/harness/harness-types';

type Watch = { frames: number[]; phases: { phase: string; at: number }[]; stop: () => void };
/** The little of the DOM used here (the e2e project has no DOM types). */
type Video = {
  muted: boolean;
  playsInline: boolean;
  srcObject: unknown;
  play: () => Promise<void>;
  requestVideoFrameCallback: (cb: () => void) => void;
};
type Doc = { createElement: (tag: 'video') => Video };
type Win = { callHarness: CallHarness; netWatch?: Watch };

export async function startNetWatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as Win;
    w.netWatch?.stop();
    const service = w.callHarness.service;
    const watch: Watch = { frames: [], phases: [], stop: () => undefined };
    const now = (): number => performance.timeOrigin + performance.now();
    const doc = (globalThis as unknown as { document: Doc }).document;
    let stream: unknown = null;
    let video: Video | null = null;
    let lastPhase = '';
    const onFrame = (v: Video) => (): void => {
      if (v !== video) return;
      watch.frames.push(now());
      v.requestVideoFrameCallback(onFrame(v));
    };
    const look = (): void => {
      const view = service.view();
      if (view.phase !== lastPhase) {
        lastPhase = view.phase;
        watch.phases.push({ phase: view.phase, at: now() });
      }
      if (view.remoteStream === stream) return;
      stream = view.remoteStream;
      if (video) video.srcObject = null;
      video = null;
      if (!stream) return;
      const v = doc.createElement('video');
      v.muted = true;
      v.playsInline = true;
      v.srcObject = stream;
      void v.play().catch(() => undefined);
      video = v;
      v.requestVideoFrameCallback(onFrame(v));
    };
    const off = service.subscribe(look);
    look();
    watch.stop = () => {
      off();
      video = null;
    };
    w.netWatch = watch;
  });
}

export async function readNetWatch(page: Page): Promise<{ frames: number[]; phases: { phase: string; at: number }[] }> {
  return page.evaluate(() => {
    const w = (globalThis as unknown as Win).netWatch;
    return { frames: [...(w?.frames ?? [])], phases: [...(w?.phases ?? [])] };
  });
}

/** The first frame at or after `t` (ms since the epoch), or null. */
export const firstFrameAfter = (frames: readonly number[], t: number): number | null => frames.find((f) => f >= t) ?? null;
