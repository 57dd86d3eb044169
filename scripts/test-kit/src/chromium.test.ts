import { describe, expect, it } from 'vitest';
import { withoutChromium } from './chromium';

describe('withoutChromium', () => {
  it('skips where Chromium is missing, on a developer machine', () => {
    expect(withoutChromium({ env: {}, executable: '/nonexistent/chromium' })).toBe(true);
    expect(withoutChromium({ env: { CI: 'false' }, executable: '/nonexistent/chromium' })).toBe(true);
  });

  it('fails instead of skipping under CI=true', () => {
    expect(() => withoutChromium({ env: { CI: 'true' }, executable: '/nonexistent/chromium' })).toThrow(/CI=true/);
  });

  it('runs where Chromium is there, CI or not', () => {
    expect(withoutChromium({ env: { CI: 'true' }, executable: process.execPath })).toBe(false);
  });
});
