import { describe, expect, it } from 'vitest';
import { hearthBuilderConfig, updateFeed } from '../../build/builder-config';
import { schemaProblems } from './check';

describe('the update feed in the package configuration (issue 17 §3)', () => {
  it('publishes a generic feed from HEARTH_UPDATE_URL, valid for electron-builder’s schema', () => {
    const config = hearthBuilderConfig({ HEARTH_UPDATE_URL: 'https://updates.example.org/hearth/' });
    expect(config.publish).toEqual({ provider: 'generic', url: 'https://updates.example.org/hearth/', channel: 'latest' });
    expect(schemaProblems(config)).toEqual([]);
    expect(hearthBuilderConfig({}).publish).toBeNull();
  });

  it('refuses a feed that is not https', () => {
    expect(() => updateFeed({ HEARTH_UPDATE_URL: 'http://updates.example.org/' })).toThrow(/https/);
    expect(() => updateFeed({ HEARTH_UPDATE_URL: 'not a url' })).toThrow(/not a URL/);
  });

  it('names the publisher NSIS updates must be signed by, with a signtool certificate', () => {
    const config = hearthBuilderConfig({ WIN_CSC_LINK: 'x.pfx', HEARTH_WIN_PUBLISHER: 'Hearth Foundation' });
    expect(config.win.signtoolOptions).toMatchObject({ publisherName: ['Hearth Foundation'] });
    expect(config.mac.target).toContain('zip');
  });
});
