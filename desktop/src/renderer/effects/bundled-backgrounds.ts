/**
 * The pictures that ship with the app, painted at run time from code: nothing to download, nothing
 * to license, the same pixels on every machine.
 */
import type { Size } from './cover-fit';
import type { BundledBackgroundId } from './types';

/** Size the bundled pictures are painted at (then cover-fitted like any picture). */
export const BUNDLED_PICTURE_SIZE: Size = Object.freeze({ width: 1280, height: 720 });

type Ctx = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** Small deterministic generator (mulberry32) so the stars and flowers sit in the same place every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sky(ctx: Ctx, w: number, h: number, stops: readonly string[]): void {
  const g = ctx.createLinearGradient(0, 0, 0, h);
  stops.forEach((c, i) => g.addColorStop(i / (stops.length - 1), c));
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
}

function hill(ctx: Ctx, w: number, h: number, baseY: number, amp: number, phase: number, color: string): void {
  ctx.beginPath();
  ctx.moveTo(0, h);
  for (let x = 0; x <= w; x += 16) ctx.lineTo(x, baseY + amp * Math.sin((x / w) * Math.PI * 2 + phase));
  ctx.lineTo(w, h);
  ctx.closePath();
  ctx.fillStyle = color;
  ctx.fill();
}

function circle(ctx: Ctx, x: number, y: number, r: number, color: string): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = color;
  ctx.fill();
}

/** Paints bundled picture `id` over the whole `width` × `height` of `ctx`. */
export function paintBundledBackground(id: BundledBackgroundId, ctx: Ctx, width: number, height: number): void {
  const w = width;
  const h = height;
  switch (id) {
    case 'sunset':
      sky(ctx, w, h, ['#2b1055', '#d53369', '#f7971e', '#ffd86f']);
      circle(ctx, w * 0.7, h * 0.62, h * 0.14, '#fff3b0');
      hill(ctx, w, h, h * 0.72, h * 0.05, 0.5, '#5b2a86');
      hill(ctx, w, h, h * 0.82, h * 0.04, 2.1, '#3a1c5c');
      return;
    case 'ocean':
      sky(ctx, w, h, ['#8fd3f4', '#c2e9fb', '#4facfe', '#005bea']);
      for (let i = 0; i < 6; i++)
        hill(ctx, w, h, h * (0.55 + i * 0.08), h * 0.015, i * 1.3, `rgba(0, 60, 140, ${0.25 + i * 0.1})`);
      circle(ctx, w * 0.15, h * 0.18, h * 0.08, '#fffbe0');
      return;
    case 'space': {
      sky(ctx, w, h, ['#000010', '#0b0b3b', '#1b2a6b']);
      const rnd = random(7);
      for (let i = 0; i < 260; i++)
        circle(ctx, rnd() * w, rnd() * h, 0.5 + rnd() * 2, `rgba(255, 255, 255, ${0.4 + rnd() * 0.6})`);
      circle(ctx, w * 0.8, h * 0.3, h * 0.12, '#e07a5f');
      circle(ctx, w * 0.2, h * 0.75, h * 0.06, '#81b29a');
      return;
    }
    case 'meadow': {
      sky(ctx, w, h, ['#74b9ff', '#a8e6ff', '#e0f7fa']);
      circle(ctx, w * 0.85, h * 0.15, h * 0.09, '#ffe66d');
      hill(ctx, w, h, h * 0.62, h * 0.06, 1.0, '#7bc950');
      hill(ctx, w, h, h * 0.75, h * 0.05, 3.0, '#4caf50');
      const rnd = random(11);
      const colors = ['#ff6b6b', '#ffd93d', '#ffffff', '#c77dff'];
      for (let i = 0; i < 120; i++) circle(ctx, rnd() * w, h * 0.8 + rnd() * h * 0.2, 3 + rnd() * 4, colors[i % colors.length]!);
      return;
    }
    default: {
      const unknown: never = id;
      throw new Error(`unknown bundled background ${String(unknown)}`);
    }
  }
}
