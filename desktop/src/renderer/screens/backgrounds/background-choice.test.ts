import { describe, expect, it } from 'vitest';
import type { HearthApi, IpcResult } from '@hearth/common';
import { en } from '../../i18n/en';
import { es } from '../../i18n/es';
import { choiceKey, NOTICE_KEYS, toEffectsBackground } from './background-choice';

function lookup(catalog: unknown, key: string): unknown {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

describe('call backgrounds in the renderer', () => {
  it('tells the child every effects notice in kid words, in English and Spanish', () => {
    for (const [code, key] of Object.entries(NOTICE_KEYS)) {
      for (const catalog of [en, es]) expect(typeof lookup(catalog, key), `${code} → ${key}`).toBe('string');
    }
    // Turning the effect off shows the room: the child is told so.
    expect(lookup(en, NOTICE_KEYS['effects-turned-off'])).toMatch(/room/);
    expect(lookup(es, NOTICE_KEYS['effects-turned-off'])).toMatch(/cuarto/);
  });

  it('draws a remembered own picture from the bytes main gives back, and nothing when it is gone', async () => {
    const hearth = {
      readMyBackground: async ({ id }: { id: string }): Promise<IpcResult<unknown>> =>
        id === 'here'
          ? { ok: true, value: { picture: { id, mime: 'image/png', size: 3, addedAt: 0 }, dataBase64: 'AQID' } }
          : { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } },
    } as unknown as HearthApi;
    const picture = await toEffectsBackground(hearth, { kind: 'picture', id: 'here' });
    expect(picture.kind).toBe('picture');
    if (picture.kind !== 'picture' || !(picture.picture instanceof Blob)) throw new Error('no blob');
    expect(picture.picture.type).toBe('image/png');
    expect([...new Uint8Array(await picture.picture.arrayBuffer())]).toEqual([1, 2, 3]);
    expect(await toEffectsBackground(hearth, { kind: 'picture', id: 'gone' })).toEqual({ kind: 'off' });
    expect(await toEffectsBackground(hearth, { kind: 'bundled', id: 'space' })).toEqual({ kind: 'bundled', id: 'space' });
    expect(choiceKey({ kind: 'bundled', id: 'space' })).toBe('bundled:space');
  });
});
