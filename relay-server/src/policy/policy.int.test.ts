import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { PolicyInfo, PolicyText, RETENTION_DAYS, RETENTION_TABLE, RetentionTable, tolerantReader } from '@hearth/common';
import { DEFAULT_CONFIG } from '../config';
import { api, buildTestApp, expectStatus, type TestRelay } from '../../test/helpers';
import { BUNDLED_POLICY_DIR } from './policy-files';

/** A policy folder with two published versions and a draft. */
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-policy-routes-'));
for (const [version, words] of [
  ['2026-01-01', 'Old'],
  ['2026-06-01', 'Current'],
  ['next', 'Draft'],
] as const) {
  fs.mkdirSync(path.join(DIR, version));
  for (const lang of ['en', 'es']) {
    fs.writeFileSync(path.join(DIR, version, `${lang}.md`), `# ${words} ${lang}\r\n\r\n<b>Plain</b> words.\n`);
    fs.writeFileSync(path.join(DIR, version, `changes.${lang}.md`), `${words} changes ${lang}`);
  }
}

let relay: TestRelay;
beforeAll(async () => {
  relay = await buildTestApp({ policyDir: DIR, policyVersion: '2026-06-01', policyPublishedAt: '2026-06-01' });
});
afterAll(async () => {
  await relay.close();
  fs.rmSync(DIR, { recursive: true, force: true });
});

describe('GET /v1/policy', () => {
  it('serves the current version’s text in the language asked for, as the app reads it', async () => {
    for (const lang of ['en', 'es'] as const) {
      const body = expectStatus(await api(relay.app, 'GET', `/v1/policy?lang=${lang}`), 200);
      expect(tolerantReader(PolicyText).read(body)).toEqual({
        version: '2026-06-01',
        publishedAt: '2026-06-01',
        lang,
        text: `# Current ${lang}\n\n<b>Plain</b> words.`,
        changes: `Current changes ${lang}`,
        retention: RETENTION_TABLE,
      });
    }
  });

  it('publishes the retention table the sweepers enforce (F16), the same in every language', async () => {
    for (const lang of ['en', 'es'] as const) {
      const body = expectStatus(await api<PolicyText>(relay.app, 'GET', `/v1/policy?lang=${lang}`), 200);
      expect(Value.Check(RetentionTable, body.retention)).toBe(true);
      expect(body.retention).toEqual(RETENTION_TABLE);
      const rule = (what: string) => body.retention?.find((r) => r.what === what);
      expect(rule('queued-messages')).toMatchObject({ days: 15, counting: 'non-quiet-time', atMostDays: 30 });
      expect(rule('attachments')).toMatchObject({ days: null, until: 'every-device-has-it-or-message-expired', atMostDays: 30 });
      expect(rule('franking-records')).toMatchObject({ days: 30 });
      expect(rule('forwarded-reports')).toMatchObject({ days: 365, after: 'closed', legalHold: true });
      expect(rule('moderator-actions')).toMatchObject({ days: 365, after: 'closed' });
      expect(rule('bans')).toMatchObject({ days: 365, atLeast: true });
      expect(rule('sign-in-failures')).toMatchObject({ days: 1 });
      expect(rule('log-files')).toMatchObject({ days: 7 });
      expect(rule('device-tombstones')).toMatchObject({ days: 90 });
    }
    expect(RETENTION_DAYS.queuedMessagesAtMost).toBe(2 * RETENTION_DAYS.queuedMessages);
  });

  it('answers only the version without ?lang=, exactly as apps before 0.2.0 read it', async () => {
    const body = expectStatus(await api(relay.app, 'GET', '/v1/policy'), 200);
    expect(body).toEqual({ version: '2026-06-01', publishedAt: '2026-06-01' });
    expect(tolerantReader(PolicyInfo).read(body)).toEqual(body);
  });

  it('refuses a language it has no text in', async () => {
    expect((await api(relay.app, 'GET', '/v1/policy?lang=fr')).status).toBe(400);
  });
});

describe('GET /v1/policy/:version', () => {
  it('serves a past version by id, English unless asked otherwise', async () => {
    const en = expectStatus(await api<PolicyText>(relay.app, 'GET', '/v1/policy/2026-01-01'), 200);
    expect(en).toMatchObject({ version: '2026-01-01', publishedAt: '2026-01-01', lang: 'en', changes: 'Old changes en' });
    const es = expectStatus(await api<PolicyText>(relay.app, 'GET', '/v1/policy/2026-01-01?lang=es'), 200);
    expect(es.text).toBe('# Old es\n\n<b>Plain</b> words.');
  });

  it('never serves the draft of the next version, nor a version that does not exist', async () => {
    for (const version of ['next', '2030-01-01']) {
      const res = await api<{ error: { code: string } }>(relay.app, 'GET', `/v1/policy/${version}?lang=en`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });
});

describe('the bundled policy', () => {
  const read = (version: string, file: string): string => fs.readFileSync(path.join(BUNDLED_POLICY_DIR, version, file), 'utf8');

  it('is the default, and has a draft of the next version with every file', () => {
    expect(DEFAULT_CONFIG.policyDir).toBe(BUNDLED_POLICY_DIR);
    for (const file of ['en.md', 'es.md', 'changes.en.md', 'changes.es.md']) expect(read('next', file).trim()).not.toBe('');
  });

  it('is the version published from the draft for issue 15, and states what issues 12 to 15 collect and promise', () => {
    expect(DEFAULT_CONFIG.policyVersion).toBe('2026-12-04');
    const en = read(DEFAULT_CONFIG.policyVersion, 'en.md');
    const es = read(DEFAULT_CONFIG.policyVersion, 'es.md');
    // Issue 15: reports, franking, moderation, retention, delete and export; no longer "not built yet".
    expect(en).not.toMatch(/cannot yet delete/);
    expect(es).not.toMatch(/todavía no puede borrar/);
    for (const heading of [
      '# Reports and evidence',
      '# Moderation',
      '# How long the Hearth server keeps things',
      "# Deleting a child's account and downloading a copy",
    ]) {
      expect(en).toContain(heading);
    }
    for (const heading of [
      '# Reportes y pruebas',
      '# Moderación',
      '# Cuánto tiempo guarda las cosas el servidor de Hearth',
      '# Borrar la cuenta de un niño y descargar una copia',
    ]) {
      expect(es).toContain(heading);
    }
    expect(en).toMatch(/keeps for 30 days only a keyed one-way hash/);
    expect(en).toMatch(/legal hold/);
    // Issues 12 to 14: the family's grown-ups, quiet time, daily minutes, summaries, computers.
    for (const words of [
      'trusted grown-ups',
      'quiet-time schedule',
      'minutes a child was online',
      'Daily summaries',
      'operating system',
    ]) {
      expect(en).toContain(words);
    }
    // Both languages say the same numbers, and the ones the relay enforces and publishes.
    const numbers = (text: string) => [...text.matchAll(/\b\d+\b/g)].map((m) => m[0]);
    expect(numbers(es)).toEqual(numbers(en));
    const d = RETENTION_DAYS;
    expect(en).toMatch(
      new RegExp(
        `at most ${d.queuedMessages} days of the child's time outside quiet time, and never more than ${d.queuedMessagesAtMost} days`,
      ),
    );
    expect(en).toContain(`Log files: ${d.logFiles} days`);
    expect(en).toContain(`Failed sign-in attempts: one day`);
    expect(en).toContain(`A signed-out computer's one-way hash: ${d.deviceTombstones} days`);
    expect(en).toContain(`for ${d.frankingRecords} days only a keyed one-way hash`);
  });

  it('has a draft of the next version that starts from the published one', () => {
    for (const lang of ['en', 'es']) {
      expect(read('next', `${lang}.md`)).toBe(read(DEFAULT_CONFIG.policyVersion, `${lang}.md`));
      expect(read('next', `changes.${lang}.md`)).toContain(DEFAULT_CONFIG.policyVersion);
    }
  });
});
