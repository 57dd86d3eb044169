/**
 * "About this computer" (issue 17) says each setting's value in words a grown-up reads: the
 * update channel and the languages by name, not as codes. Rendered to HTML as the pane draws it.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { MachinePolicyView, UiLanguage } from '@hearth/common';
import { createI18n } from '../../i18n/create-i18n';
import { AboutThisComputer } from './AboutThisComputer';

const set = <T>(value: T) => ({ value, source: 'default' as const, locked: false, origin: null });

function view(channel: 'stable' | 'beta'): MachinePolicyView {
  return {
    settings: {
      relayUrl: set(null),
      relayOnlyCalls: set(true),
      effectsAllowed: set(true),
      gamesAllowed: set(false),
      parentModeAllowed: set(true),
      languages: set(['en', 'es']),
      maxChildProfiles: set(null),
      quietHoursFloor: set(null),
      updateChannel: set(channel),
      autoInstallUpdates: set(true),
      dataFolder: set(null),
      requireKeyring: set(false),
    },
    problems: [],
    relayUrl: 'http://127.0.0.1:8787',
  };
}

function row(language: UiLanguage, channel: 'stable' | 'beta', key: string): string {
  const about = createElement(AboutThisComputer, { policy: view(channel) });
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(language) }, about));
  const found = new RegExp(`data-policy-key="${key}".*?<span class="policy-value">([^<]*)</span>`).exec(html);
  return found?.[1] ?? '(no row)';
}

describe('About this computer', () => {
  it('names the update channel in the grown-up’s language', () => {
    expect(row('en', 'stable', 'updateChannel')).toBe('Stable');
    expect(row('en', 'beta', 'updateChannel')).toBe('Beta (early versions)');
    expect(row('es', 'stable', 'updateChannel')).toBe('Estable');
  });

  it('names the languages offered, not their codes', () => {
    expect(row('en', 'stable', 'languages')).toBe('English, Spanish');
    expect(row('es', 'stable', 'languages')).toBe('inglés, español');
  });

  it('still says yes or no, and the relay where none is set', () => {
    expect(row('en', 'stable', 'gamesAllowed')).toBe('No');
    expect(row('en', 'stable', 'relayUrl')).toBe('http://127.0.0.1:8787');
  });
});
