import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { TextContent, unsendableText, withoutUnsendable } from './message-content';
import { ChosenDisplayName, DisplayName, Timestamp } from './primitives';

describe('display names as chosen (shown to other families)', () => {
  it('take names in any script, with accents, emoji (joined ones too) and inner spaces', () => {
    for (const name of ['Robin', 'María José', 'Zoë', 'علي', 'میخواهم', 'ரமேஷ்', '李小龍', 'Sam 👩‍💻', 'Kai 🏳️‍🌈', 'A']) {
      expect(Value.Check(ChosenDisplayName, name), name).toBe(true);
    }
  });

  it('refuse control characters, reordering marks and invisible characters, and names with nothing to see', () => {
    for (const name of [
      '\u202eRobin', // right-to-left override: reads backwards
      'Ro\u2066bin',
      'Ro\u200fbin',
      'Ro\u0000bin',
      '\u0007',
      'Ro\nbin',
      'Ro\u0085bin',
      '\u200b',
      'Ro\u2060bin',
      '\ufeffRobin',
      'Ro\u2028bin',
      '   ',
      '',
    ]) {
      expect(Value.Check(ChosenDisplayName, name), JSON.stringify(name)).toBe(false);
    }
  });
});

describe('display names as read back', () => {
  it('still take a name stored before the rule (one of them must never break a list), but nothing blank', () => {
    for (const name of ['\u202eRobin', 'Ro\u200bbin', 'Robin'])
      expect(Value.Check(DisplayName, name), JSON.stringify(name)).toBe(true);
    for (const name of ['', '   ']) expect(Value.Check(DisplayName, name), JSON.stringify(name)).toBe(false);
  });
});

describe('timestamps', () => {
  it('are whole milliseconds from 1970 to year 9999', () => {
    for (const ok of [0, 1_700_000_000_000, 253_402_300_799_999]) expect(Value.Check(Timestamp, ok), String(ok)).toBe(true);
    for (const bad of [-1, 1.5, 253_402_300_800_000, 1e17, 1e19, 1e300, Number.MAX_SAFE_INTEGER, Number.NaN]) {
      expect(Value.Check(Timestamp, bad), String(bad)).toBe(false);
    }
  });
});

describe('message text as sent', () => {
  const sendable = (text: string): boolean => unsendableText({ kind: 'text', text }) === undefined;
  it('takes any script, right-to-left marks and isolates, emoji, tabs and line breaks', () => {
    for (const text of ['hi', 'مرحبا \u200f ok', 'a\u2066b\u2069', 'line\nline\ttab\r', 'Sam 👩‍💻', 'שלום']) {
      expect(sendable(text), JSON.stringify(text)).toBe(true);
    }
  });

  it('refuses control characters and the overrides that show a friend’s words backwards, in a text or a caption', () => {
    for (const text of ['\u202eevil', 'a\u202db', 'a\u0000b', 'a\u0007', 'x\u001b[31m', 'x\u0085', 'x\u007f']) {
      expect(sendable(text), JSON.stringify(text)).toBe(false);
    }
    expect(unsendableText({ kind: 'photo', caption: 'see \u202eevil' })).toMatch(/caption/);
    expect(withoutUnsendable('hi\u0007 \u202ethere\u200f')).toBe('hi there\u200f');
    // A message stored before the rule is still read.
    expect(Value.Check(TextContent, { kind: 'text', text: '\u202eold' })).toBe(true);
  });
});
