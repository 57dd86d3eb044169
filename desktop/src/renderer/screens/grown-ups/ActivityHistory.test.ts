/**
 * The grown-ups' activity view (F10) lists a child's report with the reason the child picked, in
 * words in each language (the child's PC keeps the reason's id, e.g. `mean-words`); a block keeps
 * the child's own typed words. Rendered to HTML as the pane draws it.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { FriendshipHistoryEntry, UiLanguage } from '@hearth/common';
import { createI18n } from '../../i18n/create-i18n';
import { ActivityHistory } from './ActivityHistory';

const LEO = '01J0000000000000000000LE01';
const AT = Date.UTC(2026, 0, 5, 10, 0);
const HISTORY: FriendshipHistoryEntry[] = [
  { at: AT, contactId: LEO, action: 'report', by: 'child', reason: 'secrets-or-where-i-live' },
  { at: AT - 60_000, contactId: LEO, action: 'block', by: 'child', reason: 'mean-words in the game' },
];

function text(language: UiLanguage): string {
  const view = createElement(ActivityHistory, { child: 'Mia', history: HISTORY, names: new Map([[LEO, 'Leo']]) });
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(language) }, view));
  return html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"');
}

describe('a report in the activity view', () => {
  it('shows the reason in words, in English', () => {
    const shown = text('en');
    expect(shown).toContain('Mia reported Leo — Mia picked: Asked for secrets or where they live');
    expect(shown).not.toContain('secrets-or-where-i-live');
    // A block's reason is the child's own words, as typed.
    expect(shown).toContain('Mia blocked Leo — Mia said: “mean-words in the game”');
    expect(shown).toContain('Each report is also under Reports');
  });

  it('shows the reason in words, in Spanish', () => {
    const shown = text('es');
    expect(shown).toContain('Mia denunció a Leo — Mia eligió:');
    expect(shown).not.toContain('secrets-or-where-i-live');
    expect(shown).not.toContain('picked');
  });
});
