import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { ALL_ERROR_CODES } from '@hearth/common';
import { DEVICE_INFO, buildTestApp, consentFor, createFamily, type TestFamily, type TestRelay } from '../../test/helpers';
import { sqliteOf } from '../store/sqlite-store';

const UNKNOWN_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

let relay: TestRelay;
let family: TestFamily;
beforeAll(async () => {
  relay = await buildTestApp();
  family = await createFamily(relay.app);
});
afterAll(async () => {
  await relay.close();
});

/** Every error the relay sends: exactly `{ error: { code, message } }`, a known code, a sentence, no internals. */
function expectErrorBody(res: LightMyRequestResponse, status: number, code?: string): void {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(ALL_ERROR_CODES).toContain(body.error.code);
  if (code) expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(res.body).not.toMatch(/\bat .*\(|node_modules|\.ts:\d|\/work\/|FST_|SqliteError|stack/i);
}

/** A POST to a public route; a string payload is sent as JSON unless `headers` say otherwise. */
const post = (url: string, payload: string | object, headers: Record<string, string> = {}) =>
  relay.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}), ...headers },
  });

/** A request as the family's parent. */
const asParent = (method: 'GET' | 'POST', url: string, payload?: object) =>
  relay.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { authorization: `Bearer ${family.parent.token}` } });

describe('bad input', () => {
  it.each([
    ['sign-in', '/v1/sessions', () => ({ email: 'a@example.test', password: 'whatever-long', remember: true })],
    [
      'registration',
      '/v1/parents',
      () => ({ email: 'b@example.test', password: 'whatever-long', displayName: 'A', isAdmin: true }),
    ],
    [
      'child creation',
      '/v1/children',
      () => ({ displayName: 'Kid', username: 'kidwithextra', consent: consentFor(relay.app), parentId: family.parent.parentId }),
    ],
    ['device enrollment', '/v1/devices', () => ({ name: 'PC', info: { ...DEVICE_INFO, ip: '10.0.0.1' }, childIds: [] })],
  ])('refuses an unknown field in a %s body with VALIDATION_FAILED', async (_what, url, body) => {
    expectErrorBody(await asParent('POST', url, body()), 400, 'VALIDATION_FAILED');
  });

  it('refuses an unknown query parameter with VALIDATION_FAILED', async () => {
    expectErrorBody(await asParent('GET', '/v1/friendships?search=alice'), 400, 'VALIDATION_FAILED');
  });

  it('refuses a value of the wrong type rather than coercing it', async () => {
    const res = await post('/v1/sessions', { email: 'a@example.test', password: 1234567890123 });
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
  });

  it('refuses a path id that is not a ULID', async () => {
    expectErrorBody(await asParent('GET', '/v1/children/not-an-id'), 400, 'VALIDATION_FAILED');
  });

  it.each([
    ['cut short', '{"email": "a@example.test", "password": '],
    ['not JSON at all', 'email=a@example.test'],
    ['empty', ''],
    ['with a __proto__ key', '{"__proto__": {"admin": true}, "email": "a@example.test", "password": "whatever-long"}'],
  ])('refuses a JSON body that is %s with MALFORMED_REQUEST', async (_what, payload) => {
    expectErrorBody(await post('/v1/sessions', payload), 400, 'MALFORMED_REQUEST');
  });

  it('refuses a body over the size limit with PAYLOAD_TOO_LARGE', async () => {
    const big = { email: 'a@example.test', password: 'x'.repeat(relay.config.bodyLimitBytes) };
    expectErrorBody(await post('/v1/sessions', big), 413, 'PAYLOAD_TOO_LARGE');
  });

  it.each(['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a %s body with UNSUPPORTED_MEDIA_TYPE',
    async (contentType) => {
      expectErrorBody(await post('/v1/sessions', 'email=a', { 'content-type': contentType }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    },
  );

  it('refuses a text/plain body with UNSUPPORTED_MEDIA_TYPE, even when it holds JSON', async () => {
    const res = await post('/v1/sessions', '{"email":"a@example.test","password":"whatever-long"}', {
      'content-type': 'text/plain',
    });
    expectErrorBody(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown route, or a known path with the wrong method, with NOT_FOUND', async () => {
    expectErrorBody(await relay.app.inject({ method: 'GET', url: '/v1/users' }), 404, 'NOT_FOUND');
    expectErrorBody(await relay.app.inject({ method: 'GET', url: '/v1/search?q=alice' }), 404, 'NOT_FOUND');
    expectErrorBody(await relay.app.inject({ method: 'PUT', url: '/v1/children' }), 404, 'NOT_FOUND');
  });

  it('answers a URL that does not decode in the same error shape', async () => {
    expectErrorBody(await relay.app.inject({ method: 'GET', url: '/v1/children/%E0%A4%A' }), 400, 'MALFORMED_REQUEST');
  });

  it.each([
    ['no scheme', 'ps_abcdefghijklmnopqrstuvwxyz'],
    ['another scheme', 'Basic YWxhZGRpbjpvcGVuc2VzYW1l'],
    ['a token too long', `Bearer ps_${'a'.repeat(300)}`],
    ['a made-up token', 'Bearer ps_abcdefghijklmnopqrstuvwxyz0123'],
    ['a token of an unknown kind', 'Bearer zz_abcdefghijklmnopqrstuvwxyz0123'],
  ])('answers an Authorization header with %s as unauthenticated', async (_what, authorization) => {
    expectErrorBody(await relay.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization } }), 401, 'UNAUTHENTICATED');
  });

  it('never answers random JSON bodies with a 5xx, on any route that takes a body', async () => {
    const targets = [
      '/v1/parents',
      '/v1/sessions',
      '/v1/children',
      '/v1/devices',
      `/v1/devices/${family.deviceId}/children`,
      '/v1/invites',
      '/v1/invites/redeem',
      `/v1/friendships/${UNKNOWN_ID}/actions`,
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        fc.constantFrom(family.parent.token, family.childToken),
        fc.jsonValue(),
        async (url, token, body) => {
          const res = await relay.app.inject({
            method: 'POST',
            url,
            payload: JSON.stringify(body),
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          });
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400) expectErrorBody(res, res.statusCode);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('unexpected failures', () => {
  it('answers with INTERNAL and a plain sentence, hiding what went wrong', async () => {
    const broken = await buildTestApp();
    try {
      const own = await createFamily(broken.app);
      sqliteOf(broken.app.relay).close(); // every query now throws inside the handler
      const res = await broken.app.inject({
        method: 'GET',
        url: '/v1/children',
        headers: { authorization: `Bearer ${own.parent.token}` },
      });
      expectErrorBody(res, 500, 'INTERNAL');
      expect(res.body).not.toMatch(/database|connection|open/i);
    } finally {
      await broken.close().catch(() => undefined);
    }
  });
});
