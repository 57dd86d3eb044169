import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION, APP_VERSION_HEADER, ErrorCode, type Me, type SessionGrant } from '@hearth/common';
import { createRelayProcess, type RelayProcess } from '@hearth/test-kit/relay-process';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
type Run = Readonly<{ code: number | null; stdout: string; stderr: string }>;

/** Runs a command from the repository root; resolves with its exit status and output. */
function run(command: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `relay:admin` as its own process, as the operator runs it (tsx, from the repository). */
const admin = (...args: string[]): Promise<Run> =>
  run(process.execPath, ['--import', 'tsx', 'relay-server/src/admin/cli.ts', ...args]);

let dataDir: string;
let relay: RelayProcess;
let base: string;

async function call<T>(method: string, route: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${route}`, {
    method,
    headers: {
      [APP_VERSION_HEADER]: APP_VERSION,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-admin-test-'));
  relay = await createRelayProcess(dataDir, { logLevel: 'error' });
  await relay.start();
  base = `http://127.0.0.1:${relay.port}`;
}, 60_000);
afterAll(async () => {
  await relay?.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('npm run relay:admin', () => {
  it('reset-password prints a code that the "forgot password" form takes on a relay without email', async () => {
    const email = `Ana${Date.now()}@Example.test`;
    const first = await call<SessionGrant>('POST', '/v1/parents', { email, password: PASSWORD, displayName: 'Ana' });
    expect(first.status).toBe(201);
    expect((await call<{ status: string }>('POST', '/v1/password-resets', { email })).body).toEqual({ status: 'ask-operator' });

    const out = await admin('reset-password', '--email', email.toLowerCase(), '--data-dir', dataDir);
    expect(out.code, out.stderr).toBe(0);
    const code = /\b(\d{6})\b/.exec(out.stdout)?.[1] as string;
    expect(out.stdout).toMatch(/30 minutes/);

    const wrong = await call<{ error: { code: string } }>('POST', '/v1/password-resets/complete', {
      email,
      code: code === '000000' ? '000001' : '000000',
      password: 'a new long password',
    });
    expect(wrong.body.error.code).toBe(ErrorCode.CodeInvalid);
    const done = await call<SessionGrant>('POST', '/v1/password-resets/complete', {
      email,
      code,
      password: 'a new long password',
    });
    expect(done.status).toBe(201);
    expect((await call('GET', '/v1/me', undefined, first.body.token)).status).toBe(401);
    expect((await call('POST', '/v1/sessions', { email, password: 'a new long password' })).status).toBe(201);
    // Once only.
    const again = await call<{ error: { code: string } }>('POST', '/v1/password-resets/complete', {
      email,
      code,
      password: 'a third long password',
    });
    expect(again.body.error.code).toBe(ErrorCode.CodeInvalid);
  });

  it('verify-email marks the address verified (and says so the second time)', async () => {
    const email = `bo${Date.now()}@example.test`;
    const grant = (await call<SessionGrant>('POST', '/v1/parents', { email, password: PASSWORD, displayName: 'Bo' })).body;
    expect((await call<Me>('GET', '/v1/me', undefined, grant.token)).body).toMatchObject({ emailVerified: false });
    const out = await admin('verify-email', '--email', email, '--data-dir', dataDir);
    expect(out).toMatchObject({ code: 0, stdout: `${email} is now verified.\n` });
    expect((await call<Me>('GET', '/v1/me', undefined, grant.token)).body).toMatchObject({ emailVerified: true });
    expect((await admin('verify-email', '--email', email, '--data-dir', dataDir)).stdout).toMatch(/already verified/);
  });

  it('remove-guardian removes a second guardian and refuses the last one (exit 1)', async () => {
    const stamp = Date.now();
    const register = async (name: string): Promise<SessionGrant> =>
      (
        await call<SessionGrant>('POST', '/v1/parents', {
          email: `${name}${stamp}@example.test`,
          password: PASSWORD,
          displayName: name,
        })
      ).body;
    const ana = await register('Ana');
    const ben = await register('Ben');
    const policy = (await call<{ version: string }>('GET', '/v1/policy')).body.version;
    const child = await call<{ childId: string }>(
      'POST',
      '/v1/children',
      { displayName: 'Mia', username: `mia${stamp}`, consent: { policyVersion: policy, method: 'checkbox', agreed: true } },
      ana.token,
    );
    expect(child.status).toBe(201);
    const childId = child.body.childId;
    const invite = await call<{ code: string; invite: { inviteId: string } }>(
      'POST',
      '/v1/grown-up-invites',
      { role: 'guardian', childIds: [childId] },
      ana.token,
    );
    expect((await call('POST', '/v1/grown-up-invites/redeem', { code: invite.body.code }, ben.token)).status).toBe(201);
    expect((await call('POST', `/v1/grown-up-invites/${invite.body.invite.inviteId}/confirm`, {}, ana.token)).status).toBe(200);
    const guardians = async (): Promise<string[]> =>
      (
        await call<{ guardians: { parentId: string }[] }>('GET', `/v1/children/${childId}/grown-ups`, undefined, ana.token)
      ).body.guardians
        .map((g) => g.parentId)
        .sort();
    expect(await guardians()).toEqual([ana.parentId, ben.parentId].sort());

    const family = await admin('show-family', '--email', `Ben${stamp}@example.test`, '--data-dir', dataDir);
    expect(family.code, family.stderr).toBe(0);
    expect(family.stdout).toContain(`child ${childId}  Mia`);
    expect(family.stdout).toContain(`guardian ${ana.parentId}  Ana${stamp}@example.test  Ana`);
    expect(family.stdout).toContain(`guardian ${ben.parentId}  Ben${stamp}@example.test  Ben`);

    const out = await admin('remove-guardian', '--child', childId, '--guardian', ben.parentId, '--data-dir', dataDir);
    expect(out.code, out.stderr).toBe(0);
    expect(await guardians()).toEqual([ana.parentId]);
    const last = await admin('remove-guardian', '--child', childId, '--guardian', ana.parentId, '--data-dir', dataDir);
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/last guardian/);
    expect(await guardians()).toEqual([ana.parentId]);
    expect((await admin('remove-guardian', '--child', childId, '--data-dir', dataDir)).code).toBe(2);
  });

  it('says an unknown email is unknown, and exits 1', async () => {
    for (const command of ['reset-password', 'verify-email']) {
      const out = await admin(command, '--email', 'nobody@example.test', '--data-dir', dataDir);
      expect(out.code).toBe(1);
      expect(out.stderr).toMatch(/No grown-up's account has the email nobody@example.test/);
      expect(out.stdout).toBe('');
    }
  });

  it('refuses a folder without relay data (exit 1), a missing --email or an unknown command (exit 2)', async () => {
    const empty = await admin('reset-password', '--email', 'a@example.test', '--data-dir', path.join(dataDir, 'nothing-here'));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/No relay data in/);
    const noEmail = await admin('reset-password', '--data-dir', dataDir);
    expect(noEmail.code).toBe(2);
    expect(noEmail.stderr).toMatch(/needs --email/);
    const unknown = await admin('delete-everything', '--data-dir', dataDir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "delete-everything"/);
    expect((await admin('--bogus')).code).toBe(2);
  });

  it('answers help through npm, listing every command, and reads HEARTH_DATA_DIR', async () => {
    const help = await run('npm', ['run', '--silent', 'relay:admin', '--', 'help']);
    expect(help.code, help.stderr).toBe(0);
    for (const name of ['reset-password --email ADDRESS', 'verify-email --email ADDRESS', 'help'])
      expect(help.stdout).toContain(name);
    const viaEnv = await run(
      process.execPath,
      ['--import', 'tsx', 'relay-server/src/admin/cli.ts', 'verify-email', '--email', 'x@example.test'],
      {
        HEARTH_DATA_DIR: dataDir,
      },
    );
    expect(viaEnv.stderr).toMatch(/No grown-up's account/);
  });
});
