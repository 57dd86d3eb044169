import { describe, expect, it } from 'vitest';
import { foreignCodeCharacters, looksLikeEmail, whyGrey } from './form-checks';

describe('looksLikeEmail', () => {
  it('takes an address with an @ and a dotted domain, spaces around it ignored', () => {
    expect(looksLikeEmail('robin@example.test')).toBe(true);
    expect(looksLikeEmail('  carmen.diaz@correo.example.mx ')).toBe(true);
  });

  it('refuses text without an @, without a dot after it, or with spaces inside', () => {
    for (const bad of [
      'robin.example.test',
      'robin@',
      'robin@example',
      '@example.test',
      'ro bin@example.test',
      'a@b@c.d',
      'robin@example.',
    ]) {
      expect(looksLikeEmail(bad), bad).toBe(false);
    }
  });
});

describe('foreignCodeCharacters', () => {
  it('names each character friend codes never use, once, in the order typed', () => {
    expect(foreignCodeCharacters('ACDE-5FGH')).toEqual(['5']);
    expect(foreignCodeCharacters('b0b0-1zzz')).toEqual(['B', '0', '1', 'Z']);
  });

  it('finds nothing wrong in a real code, in either case, with a dash or a space', () => {
    expect(foreignCodeCharacters('ACDE-FGHJ')).toEqual([]);
    expect(foreignCodeCharacters('acde fghj')).toEqual([]);
    expect(foreignCodeCharacters('')).toEqual([]);
  });
});

describe('whyGrey', () => {
  it('names the reasons only while the button is grey', () => {
    expect(whyGrey(true, 'a', null, false, undefined, 'b')).toBe('a b');
    expect(whyGrey(false, 'a')).toBeUndefined();
    expect(whyGrey(true, null)).toBeUndefined();
  });
});
