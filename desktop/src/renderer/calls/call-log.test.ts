/**
 * The call log (issue 18): a call the network cut after the friends talked goes in as `lost`,
 * with its talk time, and the child reads that it was lost, in each language. Entries are
 * rendered to HTML as the call list draws them.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { CallRecord, UiLanguage } from '@hearth/common';
import { createI18n } from '../i18n/create-i18n';
import { callRecordOf, type EndedCall } from './call-log';
import { CallLogEntry } from './CallLog';

const LEO = '01J0000000000000000000LE01';
const ended: Omit<EndedCall, 'reason' | 'activeSince'> = {
  callId: '01J0000000000000000000CA01',
  contactId: LEO,
  direction: 'in',
  video: true,
  ringingSince: 1_000,
  endedAt: 200_000,
};

describe('the log entry of a call the network cut', () => {
  it('is lost, from the answer to the end, on the caller’s side and on the callee’s', () => {
    for (const direction of ['in', 'out'] as const) {
      expect(callRecordOf({ ...ended, direction, activeSince: 5_000, reason: 'lost' })).toEqual({
        callId: ended.callId,
        contactId: LEO,
        direction,
        video: true,
        startedAt: 5_000,
        endedAt: 200_000,
        outcome: 'lost',
      });
    }
  });

  it('stays answered when someone hung up, and failed when nobody ever talked', () => {
    expect(callRecordOf({ ...ended, activeSince: 5_000, reason: 'hung-up' }).outcome).toBe('answered');
    expect(callRecordOf({ ...ended, activeSince: 5_000, reason: 'remote-hung-up' }).outcome).toBe('answered');
    expect(callRecordOf({ ...ended, activeSince: null, reason: 'lost' })).toMatchObject({
      outcome: 'failed',
      startedAt: 1_000,
      endedAt: null,
    });
  });
});

function shown(call: CallRecord, language: UiLanguage): { text: string; outcome: string | undefined } {
  const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
  const entry = createElement(CallLogEntry, { call, name: 'Leo', when });
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(language) }, entry));
  return { text: html.replace(/<[^>]+>/g, ' '), outcome: /data-outcome="([^"]*)"/.exec(html)?.[1] };
}

describe('a lost call in the child’s call list', () => {
  const lost: CallRecord = {
    callId: '01J0000000000000000000CA01',
    contactId: LEO,
    direction: 'out',
    video: false,
    startedAt: Date.UTC(2026, 0, 5, 10, 0),
    endedAt: Date.UTC(2026, 0, 5, 10, 3, 7),
    outcome: 'lost',
  };

  it('says the call was lost, and how long they talked, in English', () => {
    const { text, outcome } = shown(lost, 'en');
    expect(outcome).toBe('lost');
    expect(text).toContain('To Leo');
    expect(text).toContain('Talked 3:07, then the call was lost');
  });

  it('says the call was lost, and how long they talked, in Spanish', () => {
    expect(shown(lost, 'es').text).toContain('Hablaron 3:07, luego se perdió la llamada');
  });

  it('still shows an answered call as talk time only', () => {
    const { text, outcome } = shown({ ...lost, outcome: 'answered' }, 'en');
    expect(outcome).toBe('answered');
    expect(text).toContain('Talked 3:07');
    expect(text).not.toContain('lost');
  });
});
