import { describe, expect, it } from 'vitest';
import { withoutChromium } from './chromium';

describe('withoutChromium', () => {
  it('skips where Chromium is missing, on a developer machine', () => {
    expect(withoutChromium({ env: {}, executable: '/nonexistent/chromium' })).toBe(true);
    expect(withoutChromium({ env: { CI: 'false' }, executable: '/nonexistent/chromium' })).toBe(true);
  });

  it('fails instead of skipping under CI=true', () => {
    expect(() => withoutChromium({ env: { CI: 'true' }, executable: '/nonexistent/chromium' })).toThrow(
      'Chromium is missing at /nonexistent/chromium; install it with: sudo apt-get install chromium (or set CHROMIUM_PATH). Under CI=true browser tests must run, not skip',
    );
  });

  it('runs where Chromium is there, CI or not', () => {
    expect(withoutChromium({ env: { CI: 'true' }, executable: process.execPath })).toBe(false);
  });
});
