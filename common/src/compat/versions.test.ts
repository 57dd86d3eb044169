import { describe, expect, it } from 'vitest';
import { ALL_ERROR_CODES } from '../errors';
import { MESSAGE_KINDS } from '../schemas/message-content';
import {
  APP_VERSION,
  FIRST_READ_IN,
  MIN_APP_VERSION,
  compareVersions,
  parseAppVersion,
  readsErrorCode,
  readsFrame,
  readsKind,
} from './versions';

const v = (s: string) => parseAppVersion(s)!;

describe('app versions', () => {
  it('parses N.N.N and nothing else', () => {
    expect(parseAppVersion('0.2.0')).toEqual([0, 2, 0]);
    expect(parseAppVersion(' 10.0.3 ')).toEqual([10, 0, 3]);
    for (const bad of [undefined, '', '1.2', '1.2.3-beta', '01.2.3', 'v1.2.3', '1.2.3.4', '99999.0.0']) {
      expect(parseAppVersion(bad)).toBeUndefined();
    }
  });

  it('compares by major, then minor, then patch (numbers, not text)', () => {
    expect(compareVersions(v('0.10.0'), v('0.9.9'))).toBeGreaterThan(0);
    expect(compareVersions(v('1.0.0'), v('0.99.0'))).toBeGreaterThan(0);
    expect(compareVersions(v('0.2.1'), v('0.2.1'))).toBe(0);
    expect(compareVersions(v('0.2.0'), v('0.2.1'))).toBeLessThan(0);
  });

  it('has a row for every frame type, message kind and error code, none newer than this app', () => {
    for (const kind of MESSAGE_KINDS) expect(readsKind(v(APP_VERSION), kind)).toBe(true);
    for (const code of ALL_ERROR_CODES) expect(readsErrorCode(v(APP_VERSION), code)).toBe(true);
    for (const type of Object.keys(FIRST_READ_IN.frames)) expect(readsFrame(v(APP_VERSION), type)).toBe(true);
    expect(compareVersions(v(MIN_APP_VERSION), v(APP_VERSION))).toBeLessThanOrEqual(0);
  });

  it('says an older app does not read what came after it, and nobody reads the unknown', () => {
    // 0.1.0, the first version, reads every row of today's table, the version codes included.
    expect(readsErrorCode(v('0.1.0'), 'APP_TOO_OLD')).toBe(true);
    expect(readsErrorCode(v('0.1.0'), 'QUOTA_EXCEEDED')).toBe(true);
    // A later table: what 0.2.0 adds, 0.1.0 does not read.
    const later = { ...FIRST_READ_IN, errors: { ...FIRST_READ_IN.errors, TOO_MANY_GAMES: '0.2.0' } };
    expect(readsErrorCode(v('0.1.0'), 'TOO_MANY_GAMES', later)).toBe(false);
    expect(readsErrorCode(v('0.2.0'), 'TOO_MANY_GAMES', later)).toBe(true);
    expect(readsKind(v('0.1.0'), 'text')).toBe(true);
    expect(readsKind(v('9.0.0'), 'game-invite')).toBe(false);
    expect(readsFrame(v('9.0.0'), 'typing')).toBe(false);
  });
});
