import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NoticeList } from '@hearth/common';
import {
  api,
  befriend,
  buildTestApp,
  createFamily,
  expectStatus,
  unique,
  type TestFamily,
  type TestRelay,
} from '../../test/helpers';
import { runAdmin } from '../admin/cli';
import { placeholderForwardReport, type ForwardedReportView } from '../reports/moderator-read';

/**
 * The moderators' `relay:admin` commands (issue 15, F16), through the CLI's own `runAdmin` on the
 * data folder of a running relay (SQLite in WAL mode, as the operator runs it beside the relay),
 * and once as its own process with the password piped in. Reports come from the placeholder
 * `reports/moderator-read.ts` in this tree (the reports helper's module replaces it at merge).
 */
const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const MOD_EMAIL = 'mod@example.test';
const MOD_PASSWORD = 'moderator password 1';
let relay: TestRelay;
let a: TestFamily;
let b: TestFamily;

type Out = Readonly<{ code: number; stdout: string; stderr: string }>;

/** `npm run relay:admin -- …` in this process, its output captured. */
async function cli(args: readonly string[], password: string | undefined = MOD_PASSWORD): Promise<Out> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const env = { HEARTH_MODERATOR_PASSWORD: password ?? '' };
    const code = await runAdmin([...args, '--data-dir', relay.dataDir], env);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
const as = (...args: string[]): Promise<Out> => cli([...args, '--moderator', MOD_EMAIL]);

function report(id: string, about: TestFamily): ForwardedReportView {
  const m = (n: number, verdict: ForwardedReportView['messages'][number]['verdict']) => ({
    id: `01J0000000000000000000000${n}`,
    from: about.child.childId,
    to: a.child.childId,
    sentAt: Date.UTC(2026, 10, 1, 12, n),
    raw: '{}',
    shown: JSON.stringify({ kind: 'text', text: `message ${n}` }),
    verdict,
  });
  return {
    reportId: id,
    reporterId: a.child.childId,
    reporterName: a.child.displayName,
    about: { accountId: about.child.childId, displayName: about.child.displayName, kind: 'child' },
    reason: 'mean-words',
    place: 'message',
    madeAt: Date.UTC(2026, 10, 1, 13),
    forwardedAt: Date.UTC(2026, 10, 1, 14),
    forwardedAutomatically: false,
    guardianNote: 'please look',
    closedAt: null,
    legalHold: false,
    messages: [m(1, 'confirmed'), m(2, 'not-confirmed'), m(3, 'confirmed-picture-changed')],
    calls: [],
    files: [],
  };
}

beforeAll(async () => {
  relay = await buildTestApp();
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
}, 60_000);
afterAll(async () => {
  await relay?.close();
});

describe('relay:admin moderators', () => {
  it('create-moderator takes the password from HEARTH_MODERATOR_PASSWORD, once per email', async () => {
    const made = await cli(['create-moderator', '--email', MOD_EMAIL, '--name', 'Mod']);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Moderator mod@example\.test \([0-9A-Z]{26}\) created/);
    const again = await cli(['create-moderator', '--email', 'MOD@example.test', '--name', 'Mod']);
    expect(again.code).toBe(1);
    expect((await cli(['create-moderator', '--email', 'x@example.test'])).code).toBe(2);
  });

  it('acting commands need --moderator and the right password', async () => {
    expect((await cli(['reports'])).code).toBe(2);
    const wrong = await cli(['reports', '--moderator', MOD_EMAIL], 'not the password!');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Wrong moderator email or password/);
  });

  it('lists forwarded reports and shows each message as the relay confirmed it or not', async () => {
    placeholderForwardReport(report('01J000000000000000000REP01', b));
    const list = await as('reports');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('01J000000000000000000REP01');
    expect(list.stdout).toContain(`about child ${b.child.childId}`);
    const shown = await as('report', '--id', '01J000000000000000000REP01');
    expect(shown.code, shown.stderr).toBe(0);
    const lines = shown.stdout.split('\n');
    expect(lines.find((l) => l.includes('01J00000000000000000000001'))).toContain('[confirmed by the relay]');
    expect(lines.find((l) => l.includes('01J00000000000000000000002'))).toContain('[not confirmed]');
    expect(lines.find((l) => l.includes('01J00000000000000000000003'))).toContain(
      '[message confirmed; picture changed on receipt (metadata removed)]',
    );
    expect((await as('report', '--id', '01J000000000000000000NOPE0')).code).toBe(1);
  });

  it('a legal hold keeps a report open until lifted', async () => {
    expect((await as('legal-hold', '--id', '01J000000000000000000REP01', '--reason', 'police request')).code).toBe(0);
    const refused = await as('close-report', '--id', '01J000000000000000000REP01');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/legal hold/i);
    expect((await as('lift-legal-hold', '--id', '01J000000000000000000REP01')).code).toBe(0);
    expect((await as('close-report', '--id', '01J000000000000000000REP01', '--reason', 'dealt with')).code).toBe(0);
    expect((await as('reports')).stdout).not.toContain('REP01');
    expect((await as('reports', '--include-closed')).stdout).toContain('REP01  ');
  });

  it('suspends a child (its guardians told the category) and a grown-up (their session refused), and lifts', async () => {
    expect((await as('suspend', '--account', b.child.childId, '--category', 'nope', '--reason', 'x')).code).toBe(2);
    const s = await as('suspend', '--account', b.child.childId, '--category', 'bullying', '--reason', 'secret notes');
    expect(s.code, s.stderr).toBe(0);
    const notices = expectStatus(await api<NoticeList>(relay.app, 'GET', '/v1/notices', { token: b.parent.token }), 200).notices;
    expect(notices.find((n) => n.kind === 'child-suspended')).toMatchObject({ category: 'bullying' });
    expect(JSON.stringify(notices)).not.toContain('secret notes');
    expect((await as('lift-suspension', '--account', b.child.childId)).code).toBe(0);
    expect((await as('lift-suspension', '--account', b.child.childId)).code).toBe(1);

    expect((await as('suspend', '--account', a.parent.parentId, '--category', 'other', '--reason', 'x')).code).toBe(0);
    const refused = await api<{ error: { code: string } }>(relay.app, 'GET', '/v1/children', { token: a.parent.token });
    expect(refused.body.error?.code).toBe('ACCOUNT_SUSPENDED');
    expect((await as('lift-suspension', '--account', a.parent.parentId)).code).toBe(0);
    expect((await api(relay.app, 'GET', '/v1/children', { token: a.parent.token })).status).toBe(200);
  });

  it('bans an email with the key the relay shares, and lifts the ban', async () => {
    const email = `${unique('evader')}@example.test`;
    expect((await as('ban-email', '--email', email, '--reason', 'ban evasion')).code).toBe(0);
    const refused = await api<{ error: { code: string } }>(relay.app, 'POST', '/v1/parents', {
      body: { email, password: 'a long password', displayName: 'X' },
    });
    expect(refused.body.error?.code).toBe('EMAIL_BANNED');
    const told = await as('ban-email', '--email', b.parent.email, '--reason', 'x');
    expect(told.stdout).toContain(`Account ${b.parent.parentId} has this email`);
    expect((await as('lift-ban', '--email', email)).code).toBe(0);
    expect((await as('lift-ban', '--email', email)).code).toBe(1);
    expect(
      (await api(relay.app, 'POST', '/v1/parents', { body: { email, password: 'a long password', displayName: 'X' } })).status,
    ).toBe(201);
  });

  it('closes a child account, and the audit log has every action with who did it', async () => {
    expect((await as('close-account', '--account', b.child.childId, '--reason', 'repeated abuse')).code).toBe(0);
    expect(await relay.app.relay.store.family.accountKindOf(b.child.childId)).toBeUndefined();
    const log = await as('audit');
    expect(log.code).toBe(0);
    const actions = log.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/)[2]);
    expect(actions).toEqual([
      'create-moderator',
      'read-report',
      'set-legal-hold',
      'lift-legal-hold',
      'close-report',
      'suspend',
      'lift-suspension',
      'suspend',
      'lift-suspension',
      'ban-email',
      'ban-email',
      'lift-ban',
      'close-account',
    ]);
    const modId = log.stdout.split('\n')[0]?.split(/\s+/)[1] as string;
    expect(
      log.stdout
        .split('\n')
        .filter(Boolean)
        .every((l) => l.split(/\s+/)[1] === modId),
    ).toBe(true);
    expect(log.stdout).toContain('repeated abuse');
  });

  it('as its own process, reads the password piped in', async () => {
    const run = await new Promise<Out>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'relay-server/src/admin/cli.ts',
          'create-moderator',
          '--email',
          'piped@example.test',
          '--name',
          'P',
          '--data-dir',
          relay.dataDir,
        ],
        { cwd: REPO_ROOT, env: { ...process.env, HEARTH_MODERATOR_PASSWORD: '' }, stdio: ['pipe', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('error', reject);
      child.once('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      child.stdin.end('piped password 123\n');
    });
    expect(run.code, run.stderr).toBe(0);
    const ok = await cli(['audit', '--moderator', 'piped@example.test'], 'piped password 123');
    expect(ok.code, ok.stderr).toBe(0);
  }, 60_000);
});
