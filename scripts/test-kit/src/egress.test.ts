import { describe, expect, it } from 'vitest';
import { appAttempts, offMachine, staysOnMachine } from './egress';

describe('the egress rule: loopback, or an address the test itself created', () => {
  it('keeps loopback and non-network URLs on the machine', () => {
    for (const url of [
      'http://127.0.0.1:8787/v1/health',
      'ws://localhost:1/x',
      'http://[::1]:80/',
      'data:text/plain,hi',
      'blob:http://127.0.0.1/1',
    ]) {
      expect(staysOnMachine(url), url).toBe(true);
    }
  });

  it('counts any other address as leaving, unless the test created it', () => {
    expect(staysOnMachine('https://odml.pa.googleapis.com/v1/log')).toBe(false);
    expect(staysOnMachine('http://192.168.1.20:3478/')).toBe(false);
    expect(staysOnMachine('http://192.168.1.20:3478/', ['192.168.1.20'])).toBe(true);
  });

  it('lists what left, and refuses to pass when nothing was recorded at all', () => {
    expect(offMachine(['http://127.0.0.1/a', 'https://example.com/b'])).toEqual(['https://example.com/b']);
    expect(() => offMachine([])).toThrow(/no request was recorded/);
  });

  it("leaves out Chromium's own service calls from the proxy's attempts, nothing else", () => {
    expect(appAttempts(['update.googleapis.com:443', 'odml.pa.googleapis.com:443'])).toEqual(['odml.pa.googleapis.com:443']);
  });
});
