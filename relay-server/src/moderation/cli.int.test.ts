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
import { seedForwardedReport, type SeededReport } from '../../test/forwarded-report';
import { listenForWs } from '../../test/ws-client';
import { runAdmin } from '../admin/cli';

/**
 * The moderators' `relay:admin` commands (issue 15, F16), through the CLI's own `runAdmin` on the
 * data folder of a running relay (SQLite in WAL mode, as the operator runs it beside the relay),
 * and once as its own process with the password piped in. The report is made through the real
 * flow: B's child writes to A's over WebSockets, A's child reports three messages as its PC holds
 * them, A's guardian forwards the report.
 */
const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const MOD_EMAIL = 'mod@example.test';
const MOD_PASSWORD = 'moderator password 1';
let relay: TestRelay;
let a: TestFamily;
let b: TestFamily;
let seeded: SeededReport;
let reportId = '';

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

beforeAll(async () => {
  relay = await buildTestApp();
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
  seeded = await seedForwardedReport(relay.app, await listenForWs(relay.app), a, b, { note: 'please look' });
  reportId = seeded.reportId;
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
    const list = await as('reports');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(reportId);
    expect(list.stdout).toContain(`about child ${b.child.childId}`);
    const shown = await as('report', '--id', reportId);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain("guardian's note: please look");
    const lines = shown.stdout.split('\n');
    expect(lines.find((l) => l.includes(seeded.ids.confirmed))).toContain('[confirmed by the relay]');
    expect(lines.find((l) => l.includes(seeded.ids.altered))).toContain('[not confirmed]');
    expect(lines.find((l) => l.includes(seeded.ids.picture))).toContain(
      '[message confirmed; picture changed on receipt (metadata removed)]',
    );
    expect(lines.find((l) => l.includes(seeded.file.hash))).toMatch(/image\/png .* attachment$/);
    expect((await as('report', '--id', '01J000000000000000000NOPE0')).code).toBe(1);
  });

  it('a legal hold keeps a report open until lifted', async () => {
    expect((await as('legal-hold', '--id', reportId, '--reason', 'police request')).code).toBe(0);
    const refused = await as('close-report', '--id', reportId);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/legal hold/i);
    expect((await as('lift-legal-hold', '--id', reportId)).code).toBe(0);
    expect((await as('close-report', '--id', reportId, '--reason', 'dealt with')).code).toBe(0);
    expect((await as('reports')).stdout).not.toContain(reportId);
    expect((await as('reports', '--include-closed')).stdout).toContain(`${reportId}  `);
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
