/**
 * Tests and the benchmark only: timing game moves and bare data-channel messages between two
 * Chromiums, both on `performance.timeOrigin + performance.now()` (one machine: one clock).
 */
import type { Page } from 'playwright-core';

/**
 * tsx (esbuild, keeping names) wraps functions defined inside page callbacks in `__name(...)`,
 * which pages do not have: a no-op one, so the same callbacks run under tsx and vitest alike.
 */
async function withNames(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (f) => f');
}

/** A page's wall clock with sub-millisecond steps. */
type Clock = { performance: { timeOrigin: number; now: () => number } };

/**
 * Starts watching `page` for `appeared(selector, expected)`: the element at `selector` has its
 * `attribute` at least `expected`. Resolves (once called) with the time it was first seen.
 */
export async function watchFor(
  page: Page,
  selector: string,
  attribute: string,
  expected: number,
): Promise<() => Promise<number>> {
  await withNames(page);
  await page.evaluate(
    ({ selector, attribute, expected }) => {
      type Doc = {
        querySelector: (s: string) => { getAttribute: (a: string) => string | null } | null;
        body: unknown;
      };
      type Observer = new (cb: () => void) => { observe: (n: unknown, o: unknown) => void; disconnect: () => void };
      const g = globalThis as unknown as Clock & { document: Doc; MutationObserver: Observer; __seen?: Promise<number> };
      const seen = (): boolean => Number(g.document.querySelector(selector)?.getAttribute(attribute) ?? -1) >= expected;
      g.__seen = new Promise<number>((resolve) => {
        if (seen()) return resolve(g.performance.timeOrigin + g.performance.now());
        const observer = new g.MutationObserver(() => {
          if (!seen()) return;
          const at = g.performance.timeOrigin + g.performance.now();
          observer.disconnect();
          resolve(at);
        });
        observer.observe(g.document.body, { subtree: true, childList: true, attributes: true });
      });
    },
    { selector, attribute, expected },
  );
  return () => page.evaluate(() => (globalThis as unknown as { __seen: Promise<number> }).__seen);
}

/** Clicks the element at `selector` from inside the page; returns the time just before the click was dispatched. */
export async function timedClick(page: Page, selector: string): Promise<number> {
  await withNames(page);
  return page.evaluate((selector) => {
    const g = globalThis as unknown as Clock & { document: { querySelector: (s: string) => { click: () => void } | null } };
    const target = g.document.querySelector(selector);
    if (!target) throw new Error(`nothing to click at ${selector}`);
    const at = g.performance.timeOrigin + g.performance.now();
    target.click();
    return at;
  }, selector);
}

type BareGlobal = {
  __bare: {
    pc: RTCPeerConnectionLike;
    channel: ChannelLike | null;
    arrivals: number[];
    opened: Promise<void>;
  };
};
type ChannelLike = {
  readyState: string;
  send: (d: string) => void;
  onmessage: ((e: { data: string }) => void) | null;
  onopen: (() => void) | null;
};
type RTCPeerConnectionLike = {
  createDataChannel: (label: string) => ChannelLike;
  createOffer: () => Promise<unknown>;
  createAnswer: () => Promise<unknown>;
  setLocalDescription: (d: unknown) => Promise<void>;
  setRemoteDescription: (d: unknown) => Promise<void>;
  localDescription: unknown;
  iceGatheringState: string;
  onicegatheringstatechange: (() => void) | null;
  ondatachannel: ((e: { channel: ChannelLike }) => void) | null;
  close: () => void;
};

/** Sets up a plain RTCDataChannel pair between two pages (no PeerJS, no app), signaled through this process. */
export async function openBareChannel(a: Page, b: Page): Promise<void> {
  await Promise.all([withNames(a), withNames(b)]);
  const setUp = (page: Page, offer: unknown): Promise<unknown> =>
    page.evaluate(async (offer) => {
      const g = globalThis as unknown as Clock & BareGlobal & { RTCPeerConnection: new (c: unknown) => RTCPeerConnectionLike };
      const pc = new g.RTCPeerConnection({ iceServers: [] });
      const arrivals: number[] = [];
      let open = (): void => undefined;
      const opened = new Promise<void>((resolve) => (open = resolve));
      g.__bare = { pc, channel: null, arrivals, opened };
      const take = (channel: ChannelLike): void => {
        g.__bare.channel = channel;
        channel.onmessage = (e) => {
          const at = g.performance.timeOrigin + g.performance.now();
          arrivals.push(at - (JSON.parse(e.data) as { at: number }).at);
        };
        if (channel.readyState === 'open') open();
        else channel.onopen = open;
      };
      if (offer === null) take(pc.createDataChannel('bench'));
      else pc.ondatachannel = (e) => take(e.channel);
      if (offer !== null) await pc.setRemoteDescription(offer);
      await pc.setLocalDescription(offer === null ? await pc.createOffer() : await pc.createAnswer());
      if (pc.iceGatheringState !== 'complete')
        await new Promise<void>((resolve) => {
          pc.onicegatheringstatechange = () => {
            if (pc.iceGatheringState === 'complete') resolve();
          };
        });
      return JSON.parse(JSON.stringify(pc.localDescription)) as unknown;
    }, offer);
  const offer = await setUp(a, null);
  const answer = await setUp(b, offer);
  await a.evaluate((answer) => (globalThis as unknown as BareGlobal).__bare.pc.setRemoteDescription(answer), answer);
  await Promise.all([a, b].map((p) => p.evaluate(() => (globalThis as unknown as BareGlobal).__bare.opened)));
}

/** One message from `from` to `to` on the bare channel: its one-way latency in ms. */
export async function bareMessage(from: Page, to: Page): Promise<number> {
  const before = await to.evaluate(() => (globalThis as unknown as BareGlobal).__bare.arrivals.length);
  await from.evaluate(() => {
    const g = globalThis as unknown as Clock & BareGlobal;
    g.__bare.channel?.send(JSON.stringify({ at: g.performance.timeOrigin + g.performance.now() }));
  });
  await to.waitForFunction((n) => (globalThis as unknown as BareGlobal).__bare.arrivals.length > n, before);
  return to.evaluate((n) => (globalThis as unknown as BareGlobal).__bare.arrivals[n] as number, before);
}

export async function closeBareChannel(...pages: Page[]): Promise<void> {
  for (const p of pages) await p.evaluate(() => (globalThis as unknown as BareGlobal).__bare.pc.close());
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
