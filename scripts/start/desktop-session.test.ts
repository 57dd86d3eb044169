import { describe, expect, it } from 'vitest';
import { browserCommand, chromiumMissingLine, mayOpenBrowser } from './desktop-session';

describe('opening the app in the default browser', () => {
  it('happens only in a graphical session on Linux', () => {
    expect(mayOpenBrowser({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(mayOpenBrowser({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(mayOpenBrowser({}, 'linux')).toBe(false);
    expect(mayOpenBrowser({}, 'darwin')).toBe(true);
  });

  it('never happens under CI or with BROWSER=none', () => {
    expect(mayOpenBrowser({ DISPLAY: ':0', CI: 'true' }, 'linux')).toBe(false);
    expect(mayOpenBrowser({ CI: '1' }, 'win32')).toBe(false);
    expect(mayOpenBrowser({ DISPLAY: ':0', BROWSER: 'none' }, 'linux')).toBe(false);
    expect(mayOpenBrowser({ DISPLAY: ':0', CI: 'false' }, 'linux')).toBe(true);
  });

  it('uses the platform’s opener, or the browser BROWSER names', () => {
    expect(browserCommand('http://127.0.0.1:1/', {}, 'linux')).toEqual(['xdg-open', ['http://127.0.0.1:1/']]);
    expect(browserCommand('http://127.0.0.1:1/', {}, 'darwin')).toEqual(['open', ['http://127.0.0.1:1/']]);
    expect(browserCommand('http://127.0.0.1:1/', { BROWSER: 'firefox' }, 'linux')).toEqual(['firefox', ['http://127.0.0.1:1/']]);
  });
});

describe('a machine without Chromium', () => {
  it('is told in one line what is missing and the command that installs it', () => {
    const line = chromiumMissingLine({ PATH: '/nonexistent' }, 'linux');
    expect(line).toBe(
      'hearth: no Chromium or Chrome on this machine to open Hearth in; install it with: sudo apt-get install chromium',
    );
    expect(chromiumMissingLine({ PATH: '/nonexistent', CHROMIUM_PATH: process.execPath }, 'linux')).toBeNull();
  });
});
