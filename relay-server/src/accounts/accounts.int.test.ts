import fs from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Static } from 'typebox';
import { describe, expect, it } from 'vitest';
import type { Child, ConsentList, SessionGrant, SessionList } from '@hearth/common';
import {
  PASSWORD,
  api,
  buildTestApp,
  consentFor,
  createChild,
  createFamily,
  expectStatus,
  makeInvite,
  registerParent,
  signIn,
  unique,
  relayForFile,
  type TestRelay,
} from '../../test/helpers';
import { sqliteOf } from '../store/sqlite-store';

let relay: TestRelay;
// Per-address sign-in limits are exercised on their own app below; here they would only get in the way.
relayForFile((r) => (relay = r), { rateLimits: { signInPerMinute: 100_000 } });

const me = (token: string) => api<{ kind: string; parentId?: string }>(relay.app, 'GET', '/v1/me', { token });
const attempt = (email: string, password: string, remoteAddress?: string) =>
  api<SessionGrant & { error?: unknown }>(relay.app, 'POST', '/v1/sessions', {
    body: { email, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });

describe('parent accounts', () => {
  it('registers a parent and hands back a session that works at once', async () => {
    const parent = await registerParent(relay.app, { displayName: 'Alex' });
    const res = expectStatus(await me(parent.token), 200);
    // Without email ("no email" mode) nothing is verified, and nothing needs to be.
    expect(res).toEqual({
      kind: 'parent',
      parentId: parent.parentId,
      email: parent.email,
      displayName: 'Alex',
      emailVerified: false,
      accountCreatedAt: relay.clock.now(),
    });
  });

  it('refuses a second account for the same email, whatever its letter case', async () => {
    const parent = await registerParent(relay.app);
    const res = await api(relay.app, 'POST', '/v1/parents', {
      body: { email: parent.email.toUpperCase(), password: PASSWORD, displayName: 'Again' },
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: 'EMAIL_TAKEN', message: expect.any(String) } });
  });

  it('refuses an address with a non-ASCII letter (so the stores, which fold only ASCII case, never differ on one)', async () => {
    // docs/postgres.md: PostgreSQL's unique index folds every letter, SQLite's NOCASE only ASCII ones.
    for (const email of [`Ärger${unique('x')}@example.test`, `\u212Aelvin${unique('x')}@example.test`]) {
      const res = await api(relay.app, 'POST', '/v1/parents', { body: { email, password: PASSWORD, displayName: 'Sam' } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('refuses a name that reads backwards, holds control characters or shows nothing', async () => {
    for (const displayName of ['\u202eSam', 'Sa\u0000m', '\u0007', '\u200b']) {
      const res = await api(relay.app, 'POST', '/v1/parents', {
        body: { email: `${unique('name')}@example.test`, password: PASSWORD, displayName },
      });
      expect(res.status, JSON.stringify(displayName)).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('refuses a password shorter than ten characters', async () => {
    const res = await api(relay.app, 'POST', '/v1/parents', {
      body: { email: `${unique('short')}@example.test`, password: 'tooshort', displayName: 'Sam' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('signs a parent in with the right password, whatever the letter case of the email', async () => {
    const parent = await registerParent(relay.app);
    const grant = await signIn(relay.app, parent.email.toUpperCase(), PASSWORD);
    expect(grant.parentId).toBe(parent.parentId);
    expect(grant.token).not.toBe(parent.token);
    expect(expectStatus(await me(grant.token), 200).parentId).toBe(parent.parentId);
  });

  it('answers a wrong password and an unknown email with the same status and body', async () => {
    const parent = await registerParent(relay.app);
    const wrong = await attempt(parent.email, 'not the password at all');
    const unknown = await attempt(`${unique('nobody')}@example.test`, 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({ error: { code: 'WRONG_PASSWORD', message: expect.any(String) } });
    expect(JSON.stringify(wrong.body)).not.toMatch(/exist|unknown|no account/i);
  });

  it('backs off an account after five failed sign-ins, even for the right password, and unlocks when the wait is over', async () => {
    const parent = await registerParent(relay.app);
    for (let i = 0; i < 5; i++) expect((await attempt(parent.email, `wrong password ${i}`)).status).toBe(401);

    const locked = await attempt(parent.email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    expect(Number(locked.headers['retry-after'])).toBe(30);

    relay.clock.advance(29_000);
    expect((await attempt(parent.email, PASSWORD)).status).toBe(429);
    relay.clock.advance(1_000);
    expect((await attempt(parent.email, PASSWORD)).status).toBe(201);
  });

  it('doubles the wait with every further failure once backing off', async () => {
    const parent = await registerParent(relay.app);
    for (let i = 0; i < 5; i++) await attempt(parent.email, `wrong password ${i}`);
    relay.clock.advance(30_000);
    expect((await attempt(parent.email, 'wrong password 6')).status).toBe(401);
    const locked = await attempt(parent.email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBe(60);
  });

  it('backs off an unknown email exactly like a real one, so the lock tells nothing', async () => {
    const parent = await registerParent(relay.app);
    const ghost = `${unique('ghost')}@example.test`;
    for (let i = 0; i < 5; i++) {
      await attempt(parent.email, `wrong password ${i}`);
      await attempt(ghost, `wrong password ${i}`);
    }
    const real = await attempt(parent.email, 'wrong again, locked');
    const fake = await attempt(ghost, 'wrong again, locked');
    expect(real.status).toBe(429);
    expect(fake.status).toBe(real.status);
    expect(fake.body).toEqual(real.body);
    expect(fake.headers['retry-after']).toBe(real.headers['retry-after']);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const parent = await registerParent(relay.app);
    for (let i = 0; i < 4; i++) await attempt(parent.email, `wrong password ${i}`);
    await signIn(relay.app, parent.email, PASSWORD);
    for (let i = 0; i < 4; i++) expect((await attempt(parent.email, `wrong password ${i}`)).status).toBe(401);
    expect((await attempt(parent.email, PASSWORD)).status).toBe(201);
  });
});

describe('rate limits per address', () => {
  let strict: TestRelay;
  relayForFile((r) => (strict = r), { rateLimits: { signInPerMinute: 20, registerPerHour: 3 } });

  it('refuses sign-ins from one address past the limit with 429 and a retry-after, while another address goes on', async () => {
    const parent = await registerParent(strict.app);
    const from = (remoteAddress: string) =>
      api(strict.app, 'POST', '/v1/sessions', { body: { email: parent.email, password: PASSWORD }, remoteAddress });
    for (let i = 0; i < 20; i++) expect((await from('203.0.113.7')).status).toBe(201);
    const refused = await from('203.0.113.7');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await from('203.0.113.8')).status).toBe(201);
  });

  it('refuses registrations from one address past the hourly limit', async () => {
    const register = () =>
      api(strict.app, 'POST', '/v1/parents', {
        body: { email: `${unique('reg')}@example.test`, password: PASSWORD, displayName: 'Sam' },
        remoteAddress: '198.51.100.4',
      });
    for (let i = 0; i < 3; i++) expect((await register()).status).toBe(201);
    const refused = await register();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });
});

describe('sessions', () => {
  it('expires a session after its lifetime', async () => {
    const parent = await registerParent(relay.app);
    relay.clock.advance(relay.config.parentSessionTtlMs - 1);
    expect((await me(parent.token)).status).toBe(200);
    relay.clock.advance(1);
    const expired = await me(parent.token);
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('gives a session for a family PC a shorter life (4 h), and a plain one the full 12 h', async () => {
    const parent = await registerParent(relay.app);
    const familyPc = expectStatus(
      await api<SessionGrant>(relay.app, 'POST', '/v1/sessions', {
        body: { email: parent.email, password: PASSWORD, device: 'family-pc' },
      }),
      201,
    );
    const plain = await signIn(relay.app, parent.email, PASSWORD);
    expect(relay.config.familyPcSessionTtlMs).toBe(4 * 60 * 60 * 1000);
    expect(familyPc.expiresAt - relay.clock.now()).toBe(relay.config.familyPcSessionTtlMs);
    expect(plain.expiresAt - relay.clock.now()).toBe(relay.config.parentSessionTtlMs);
    relay.clock.advance(relay.config.familyPcSessionTtlMs - 1);
    expect((await me(familyPc.token)).status).toBe(200);
    relay.clock.advance(1);
    expect((await me(familyPc.token)).status).toBe(401);
    expect((await me(plain.token)).status).toBe(200);
  });

  it('refuses a sign-in for a device kind it does not know', async () => {
    const parent = await registerParent(relay.app);
    const res = await api(relay.app, 'POST', '/v1/sessions', {
      body: { email: parent.email, password: PASSWORD, device: 'forever-pc' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('takes the Bearer scheme in any letter case (RFC 9110), and nothing else in its place', async () => {
    const parent = await registerParent(relay.app);
    const status = async (authorization: string): Promise<number> =>
      (await relay.app.inject({ method: 'GET', url: '/v1/sessions', headers: { authorization } })).statusCode;
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) expect(await status(`${scheme} ${parent.token}`), scheme).toBe(200);
    for (const bad of [`Basic ${parent.token}`, parent.token, `Bearer${parent.token}`]) expect(await status(bad), bad).toBe(401);
  });

  it('lists the live sessions, marking the current one, and leaves out expired ones', async () => {
    const parent = await registerParent(relay.app);
    relay.clock.advance(60_000);
    const second = await signIn(relay.app, parent.email, PASSWORD);
    const list = expectStatus(
      await api<Static<typeof SessionList>>(relay.app, 'GET', '/v1/sessions', { token: second.token }),
      200,
    );
    expect(list.sessions.map((s) => [s.sessionId, s.current])).toEqual([
      [parent.sessionId, false],
      [second.sessionId, true],
    ]);
    relay.clock.advance(relay.config.parentSessionTtlMs - 30_000);
    const later = expectStatus(
      await api<Static<typeof SessionList>>(relay.app, 'GET', '/v1/sessions', { token: second.token }),
      200,
    );
    expect(later.sessions.map((s) => s.sessionId)).toEqual([second.sessionId]);
  });

  it('revokes one session, which stops working at once while the others go on', async () => {
    const parent = await registerParent(relay.app);
    const other = await signIn(relay.app, parent.email, PASSWORD);
    const res = await api(relay.app, 'DELETE', `/v1/sessions/${other.sessionId}`, { token: parent.token });
    expect(res.status).toBe(204);
    expect((await me(other.token)).status).toBe(401);
    expect((await me(parent.token)).status).toBe(200);
    const again = await api(relay.app, 'DELETE', `/v1/sessions/${other.sessionId}`, { token: parent.token });
    expect(again.status).toBe(404);
  });

  it('lets a parent sign themselves out by revoking the current session', async () => {
    const parent = await registerParent(relay.app);
    expect((await api(relay.app, 'DELETE', `/v1/sessions/${parent.sessionId}`, { token: parent.token })).status).toBe(204);
    expect((await me(parent.token)).status).toBe(401);
  });

  it("refuses to revoke another parent's session, which keeps working", async () => {
    const victim = await registerParent(relay.app);
    const other = await registerParent(relay.app);
    const res = await api(relay.app, 'DELETE', `/v1/sessions/${victim.sessionId}`, { token: other.token });
    expect(res.status).toBe(404);
    expect((await me(victim.token)).status).toBe(200);
  });
});

describe('secrets at rest and in logs', () => {
  it('never writes a password or a bearer token into the database files', async () => {
    const own = await buildTestApp();
    try {
      const password = `Plain-Text-Canary-${unique('pw')}`;
      const typo = `Typo-Canary-${unique('pw')}`;
      const parent = await registerParent(own.app, { password });
      await api(own.app, 'POST', '/v1/sessions', { body: { email: parent.email, password: typo } });
      const grant = await signIn(own.app, parent.email, password);
      const child = await createChild(own.app, grant.token);
      const device = expectStatus(
        await api<{ credentials: { token: string }[] }>(own.app, 'POST', '/v1/devices', {
          token: grant.token,
          body: {
            name: 'PC',
            info: { os: 'linux', appVersion: '1', language: 'en', timeZone: 'UTC' },
            childIds: [child.childId],
          },
        }),
        201,
      );
      const files = await fs.readdir(own.dataDir);
      expect(files).toContain('relay.sqlite');
      const bytes = Buffer.concat(await Promise.all(files.map((f) => fs.readFile(path.join(own.dataDir, f)))));
      // The canary proves the search works on these bytes: the email is stored in the clear.
      expect(bytes.includes(Buffer.from(parent.email))).toBe(true);
      for (const secret of [password, typo, parent.token, grant.token, device.credentials[0]?.token ?? 'missing']) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `found ${secret.slice(0, 12)}… in the database`).toBe(false);
      }
    } finally {
      await own.close();
    }
  });

  it('never writes a password or a bearer token into the log, even at trace level', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const own = await buildTestApp({ logger: { level: 'trace', stream } });
    try {
      const password = `Log-Canary-${unique('pw')}`;
      const parent = await registerParent(own.app, { password });
      await api(own.app, 'POST', '/v1/sessions', { body: { email: parent.email, password: `${password}-typo` } });
      await api(own.app, 'POST', '/v1/sessions', { body: { email: parent.email, password, extra: 'field' } });
      await api(own.app, 'POST', '/v1/parents', { body: { email: 'not-an-email', password, displayName: 'X' } });
      await signIn(own.app, parent.email, password);
      await api(own.app, 'GET', '/v1/me', { token: parent.token });
      const log = lines.join('');
      expect(log).toContain('request completed');
      expect(log).not.toContain(password);
      expect(log).not.toContain(parent.token);
    } finally {
      await own.close();
    }
  });
});

describe('children and consent', () => {
  it('creates a child with consent, recording who, how, which policy and the time the relay saw', async () => {
    const parent = await registerParent(relay.app);
    const child = await createChild(relay.app, parent.token, { displayName: 'Mia' });
    expect(child).toMatchObject({ parentId: parent.parentId, displayName: 'Mia', createdAt: relay.clock.now() });
    const { consents } = expectStatus(
      await api<Static<typeof ConsentList>>(relay.app, 'GET', '/v1/consents', { token: parent.token }),
      200,
    );
    expect(consents).toEqual([
      {
        consentId: expect.any(String),
        parentId: parent.parentId,
        childId: child.childId,
        policyVersion: relay.config.policyVersion,
        method: 'checkbox',
        givenAt: relay.clock.now(),
      },
    ]);
  });

  it('refuses a child account without consent, and creates nothing', async () => {
    const parent = await registerParent(relay.app);
    const res = await api(relay.app, 'POST', '/v1/children', {
      token: parent.token,
      body: { displayName: 'Mia', username: unique('kid') },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'CONSENT_REQUIRED', message: expect.any(String) } });
    const list = expectStatus(await api<{ children: Child[] }>(relay.app, 'GET', '/v1/children', { token: parent.token }), 200);
    expect(list.children).toEqual([]);
  });

  it('refuses consent that was not agreed, or that sets its own time', async () => {
    const parent = await registerParent(relay.app);
    for (const consent of [
      { ...consentFor(relay.app), agreed: false },
      { ...consentFor(relay.app), givenAt: 0 },
    ]) {
      const res = await api(relay.app, 'POST', '/v1/children', {
        token: parent.token,
        body: { displayName: 'Mia', username: unique('kid'), consent },
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('refuses consent to an older policy version', async () => {
    const parent = await registerParent(relay.app);
    const res = await api(relay.app, 'POST', '/v1/children', {
      token: parent.token,
      body: { displayName: 'Mia', username: unique('kid'), consent: { ...consentFor(relay.app), policyVersion: '2020-01-01' } },
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: 'POLICY_VERSION_MISMATCH', message: expect.stringContaining('2026') } });
  });

  it('publishes the policy version that consent must name', async () => {
    const res = expectStatus(await api<{ version: string }>(relay.app, 'GET', '/v1/policy'), 200);
    expect(res.version).toBe(relay.config.policyVersion);
  });

  it('makes birthday and gender truly optional, and lets the parent clear them later', async () => {
    const parent = await registerParent(relay.app);
    const bare = await createChild(relay.app, parent.token);
    expect(bare.birthday).toBeNull();
    expect(bare.gender).toBeNull();
    const full = await createChild(relay.app, parent.token, { birthday: '2018-04-01', gender: 'girl' });
    expect(full).toMatchObject({ birthday: '2018-04-01', gender: 'girl' });
    const cleared = expectStatus(
      await api<Child>(relay.app, 'PATCH', `/v1/children/${full.childId}`, {
        token: parent.token,
        body: { birthday: null, gender: null },
      }),
      200,
    );
    expect(cleared).toMatchObject({ birthday: null, gender: null, displayName: full.displayName });
  });

  it('keeps the picture a child picked, lets the parent change it, and takes only the app’s own pictures', async () => {
    const parent = await registerParent(relay.app);
    expect((await createChild(relay.app, parent.token)).avatar).toBeNull();
    const fox = await createChild(relay.app, parent.token, { avatar: 'fox' });
    expect(fox.avatar).toBe('fox');
    const patch = (body: Record<string, unknown>) =>
      api<Child>(relay.app, 'PATCH', `/v1/children/${fox.childId}`, { token: parent.token, body });
    expect(expectStatus(await patch({ avatar: 'owl' }), 200).avatar).toBe('owl');
    for (const avatar of ['dragon', 'https://example.test/me.png', '', 7]) {
      const refused = await patch({ avatar });
      expect(refused.status, String(avatar)).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    const created = await api(relay.app, 'POST', '/v1/children', {
      token: parent.token,
      body: { displayName: 'Mia', username: unique('kid'), avatar: 'dragon', consent: consentFor(relay.app) },
    });
    expect(created.status).toBe(400);
    expect(expectStatus(await patch({ avatar: null }), 200).avatar).toBeNull();
  });

  it('refuses a birthday that is not a date', async () => {
    const parent = await registerParent(relay.app);
    const res = await api(relay.app, 'POST', '/v1/children', {
      token: parent.token,
      body: { displayName: 'Mia', username: unique('kid'), birthday: 'last spring', consent: consentFor(relay.app) },
    });
    expect(res.status).toBe(400);
  });

  it('refuses a username that any family already uses', async () => {
    const first = await registerParent(relay.app);
    const second = await registerParent(relay.app);
    const taken = await createChild(relay.app, first.token);
    for (const parent of [first, second]) {
      const res = await api(relay.app, 'POST', '/v1/children', {
        token: parent.token,
        body: { displayName: 'Copy', username: taken.username, consent: consentFor(relay.app) },
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ error: { code: 'USERNAME_TAKEN' } });
    }
  });

  it("lists a parent's own children and consents, never another family's", async () => {
    const a = await registerParent(relay.app);
    const b = await registerParent(relay.app);
    const childA = await createChild(relay.app, a.token);
    const childB = await createChild(relay.app, b.token);
    const consentsOfB = expectStatus(
      await api<Static<typeof ConsentList>>(relay.app, 'GET', '/v1/consents', { token: b.token }),
      200,
    );
    expect(consentsOfB.consents.map((c) => c.childId)).toEqual([childB.childId]);
    const childrenOfB = expectStatus(await api<{ children: Child[] }>(relay.app, 'GET', '/v1/children', { token: b.token }), 200);
    expect(childrenOfB.children.map((c) => c.childId)).toEqual([childB.childId]);
    expect((await api(relay.app, 'GET', `/v1/children/${childA.childId}`, { token: b.token })).status).toBe(404);
  });

  it('links a parent and their new child as active family at once', async () => {
    const parent = await registerParent(relay.app);
    const child = await createChild(relay.app, parent.token);
    const { friendships } = expectStatus(
      await api<{ friendships: { kind: string; status: string; friend: { accountId: string } }[] }>(
        relay.app,
        'GET',
        `/v1/friendships?childId=${child.childId}`,
        { token: parent.token },
      ),
      200,
    );
    expect(friendships).toEqual([
      expect.objectContaining({
        kind: 'family',
        status: 'active',
        friend: expect.objectContaining({ accountId: parent.parentId }),
      }),
    ]);
  });
});

describe('what the relay stops keeping', () => {
  let kept: TestRelay;
  const DAY = 24 * 60 * 60 * 1000;
  const count = (sql: string, ...params: unknown[]): number =>
    (
      sqliteOf(kept.app.relay)
        .prepare(sql)
        .get(...params) as { n: number }
    ).n;
  const tryIn = (email: string, password: string) => api(kept.app, 'POST', '/v1/sessions', { body: { email, password } });

  relayForFile((r) => (kept = r), { rateLimits: { signInPerMinute: 100_000 } });

  it('forgets a failure streak, and the address typed, after a quiet day', async () => {
    const parent = await registerParent(kept.app);
    const typo = `${unique('typo')}@example.test`;
    for (let i = 0; i < 4; i++) {
      expect((await tryIn(parent.email, `wrong password ${i}`)).status).toBe(401);
      expect((await tryIn(typo, `wrong password ${i}`)).status).toBe(401);
    }
    expect(count(`SELECT count(*) AS n FROM sign_in_failures WHERE email_key = ?`, typo)).toBe(1);

    kept.clock.advance(DAY - 1_000);
    // Within the day the streak holds: a fifth failure starts the backoff.
    expect((await tryIn(parent.email, 'wrong password 5')).status).toBe(401);
    expect((await tryIn(parent.email, PASSWORD)).status).toBe(429);

    kept.clock.advance(DAY + 1_000);
    // A day after its last failure the streak is gone: four more failures do not lock the account.
    for (let i = 0; i < 4; i++) expect((await tryIn(parent.email, `wrong password ${i}`)).status).toBe(401);
    expect((await tryIn(parent.email, PASSWORD)).status).toBe(201);
    // And nothing of the mistyped address is left.
    expect(count(`SELECT count(*) AS n FROM sign_in_failures WHERE email_key = ?`, typo)).toBe(0);
  });

  it('deletes sessions once expired or revoked, as new ones start', async () => {
    const parent = await registerParent(kept.app);
    const second = await signIn(kept.app, parent.email, PASSWORD);
    expectStatus(await api(kept.app, 'DELETE', `/v1/sessions/${second.sessionId}`, { token: parent.token }), 204);
    const sessions = (): number => count(`SELECT count(*) AS n FROM parent_sessions WHERE parent_id = ?`, parent.parentId);
    expect(sessions()).toBe(2);

    await signIn(kept.app, parent.email, PASSWORD); // the revoked one goes
    expect(sessions()).toBe(2);
    kept.clock.advance(kept.config.parentSessionTtlMs + 1);
    const fresh = await signIn(kept.app, parent.email, PASSWORD); // both expired ones go
    expect(sessions()).toBe(1);
    expect(expectStatus(await api(kept.app, 'GET', '/v1/me', { token: fresh.token }), 200)).toMatchObject({
      parentId: parent.parentId,
    });
  });

  it('deletes invite codes an hour after they expired, as new ones are made', async () => {
    const { childToken, child } = await createFamily(kept.app);
    const old = await makeInvite(kept.app, childToken);
    const invites = (): number => count(`SELECT count(*) AS n FROM invites WHERE child_id = ?`, child.childId);
    kept.clock.advance(kept.config.inviteTtlMs + 30 * 60 * 1000);
    await makeInvite(kept.app, childToken);
    expect(invites()).toBe(2);
    kept.clock.advance(30 * 60 * 1000);
    await makeInvite(kept.app, childToken);
    expect(invites()).toBe(2);
    expect(count(`SELECT count(*) AS n FROM invites WHERE code = ?`, old.code.replace('-', ''))).toBe(0);
  });
});
