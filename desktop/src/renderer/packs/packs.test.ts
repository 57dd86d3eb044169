import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { GifContent, StickerContent } from '@hearth/common';
import { GIFS } from './gifs';
import { packItem } from './lookup';
import { STICKERS } from './stickers';

describe('the bundled sticker and GIF packs', () => {
  it('use ids the relay accepts, each once', () => {
    for (const s of STICKERS) expect(Value.Check(StickerContent, { kind: 'sticker', stickerId: s.id }), s.id).toBe(true);
    for (const g of GIFS) expect(Value.Check(GifContent, { kind: 'gif', gifId: g.id }), g.id).toBe(true);
    const ids = [...STICKERS, ...GIFS].map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are self-contained SVG: nothing to fetch, moving ones calm down for reduced motion', () => {
    for (const item of [...STICKERS, ...GIFS]) {
      expect(item.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), item.id).toBe(true);
      expect(item.svg, item.id).not.toMatch(/(href|src)=|url\(|@import|<script/i);
      expect(packItem(item.id)).toBe(item);
    }
    for (const g of GIFS) {
      expect(g.svg, g.id).toContain('@keyframes');
      expect(g.svg, g.id).toContain('prefers-reduced-motion');
    }
    expect(packItem('animals/not-a-sticker')).toBeUndefined();
  });
});
