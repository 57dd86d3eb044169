/**
 * The activity view's chart (F10): bars where the child wrote or called in the last 30 days, a
 * sentence instead of an empty box where they did neither. Rendered to HTML as the pane draws it.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ActivityDetailDay, UiLanguage } from '@hearth/common';
import { createI18n } from '../../i18n/create-i18n';
import { ActivityChart } from './ActivityChart';

const today = new Date().toISOString().slice(0, 10);
const day = (counts: Partial<ActivityDetailDay>): ActivityDetailDay => ({
  day: today,
  minutesInHearth: 12,
  sent: 0,
  received: 0,
  calls: 0,
  callMinutes: 0,
  games: 0,
  contacts: [],
  ...counts,
});

function html(days: ActivityDetailDay[], language: UiLanguage = 'en'): string {
  const chart = createElement(ActivityChart, { name: 'Mia', days, timeZone: 'UTC' });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(language) }, chart));
}

describe('the activity chart', () => {
  it('draws a day with messages and call minutes', () => {
    const drawn = html([day({ sent: 3, received: 2, calls: 1, callMinutes: 4 })]);
    expect(drawn).toContain('<svg');
    expect(drawn).toContain('Mia: messages and call minutes per day, last 30 days');
    expect(drawn).not.toContain('activity-chart-empty');
  });

  it('says in words that there is nothing to draw, time in Hearth alone included', () => {
    for (const days of [[], [day({})]]) {
      const shown = html(days);
      expect(shown).not.toContain('<svg');
      expect(shown).toContain('No messages or calls for Mia in the last 30 days yet.');
    }
    expect(html([], 'es')).toContain('Todavía no hay mensajes ni llamadas de Mia en los últimos 30 días.');
  });
});
