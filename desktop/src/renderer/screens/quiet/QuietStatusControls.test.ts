/**
 * The guardian's quiet controls (issue quiet hours): "15 / 30 more minutes today" lengthen a daily
 * limit, so they are offered only where the child has one. Rendered to HTML as the pane draws it.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { QuietStatus } from '@hearth/common';
import { createI18n } from '../../i18n/create-i18n';
import { QuietStatusControls, type QuietActions } from './QuietStatusControls';

const refused = async (): ReturnType<QuietActions['quietNow']> => ({
  ok: false,
  error: { code: 'INTERNAL', message: 'not in this test' },
});
const actions: QuietActions = { quietNow: refused, extraMinutes: refused };

function html(minutesLeftToday: number | null): string {
  const status: QuietStatus = {
    quiet: false,
    reason: null,
    startsInMs: null,
    endsInMs: null,
    endsAt: null,
    minutesLeftToday,
    timeZone: 'UTC',
  };
  const controls = createElement(QuietStatusControls, { status, actions, onChanged: () => undefined });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n('en') }, controls));
}

describe('the quiet controls', () => {
  it('offer more minutes today where the child has a daily limit', () => {
    const shown = html(40);
    expect(shown).toContain('15 more minutes today');
    expect(shown).toContain('30 more minutes today');
    expect(shown).toContain('Start quiet time');
  });

  it('offer no more minutes without a daily limit (they would change nothing)', () => {
    const shown = html(null);
    expect(shown).not.toContain('more minutes today');
    expect(shown).toContain('Start quiet time');
  });
});
