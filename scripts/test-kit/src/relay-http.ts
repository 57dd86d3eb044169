/**
 * A relay's HTTP API over the network (a relay process, or nginx in front of several), the way the
 * apps reach it, from a chosen loopback address: tests of what a load balancer logs look for that
 * address (say `127.0.0.2`), which must differ from the relays' own (`127.0.0.1`).
 */
import http from 'node:http';
import { APP_VERSION, APP_VERSION_HEADER, type Child, type EnrollDeviceResult, type FriendshipView } from '@hearth/common';
import type { Invite, SessionGrant, SignalingGrant } from '@hearth/common';
import { DEFAULT_CONFIG } from '@hearth/relay-server/config';

export type HttpResult<T = unknown> = Readonly<{ status: number; body: T; headers: http.IncomingHttpHeaders }>;

export type RelayHttp = Readonly<{
  baseUrl: string;
  /** The address requests leave from. */
  localAddress: string;
  request<T = unknown>(
    method: string,
    path: string,
    options?: Readonly<{ token?: string; body?: unknown; raw?: Buffer; contentType?: string }>,
  ): Promise<HttpResult<T>>;
}>;

/** Requests to `baseUrl` announcing this app's version, leaving from `localAddress` (default 127.0.0.1). */
export function relayHttp(baseUrl: string, localAddress = '127.0.0.1'): RelayHttp {
  return {
    baseUrl,
    localAddress,
    request<T>(
      method: string,
      path: string,
      options: Readonly<{ token?: string; body?: unknown; raw?: Buffer; contentType?: string }> = {},
    ): Promise<HttpResult<T>> {
      const payload = options.raw ?? (options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body), 'utf8'));
      const headers: Record<string, string> = { [APP_VERSION_HEADER]: APP_VERSION };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (payload) {
        headers['content-type'] = options.contentType ?? 'application/json';
        headers['content-length'] = String(payload.length);
      }
      return new Promise((resolve, reject) => {
        const req = http.request(new URL(path, baseUrl), { method, headers, localAddress, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const bytes = Buffer.concat(chunks);
            const json = (res.headers['content-type'] ?? '').includes('json');
            resolve({
              status: res.statusCode ?? 0,
              body: (json && bytes.length > 0 ? JSON.parse(bytes.toString('utf8')) : bytes) as T,
              headers: res.headers,
            });
          });
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(payload);
      });
    },
  };
}

/** The body, or a throw that says what the relay answered. */
export function expectHttp<T>(res: HttpResult<T>, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: expected HTTP ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

let counter = 0;
const unique = (prefix: string): string => `${prefix}${process.pid.toString(36)}${Date.now().toString(36)}${++counter}`;

export const DEVICE_INFO = { os: 'linux', appVersion: '0.1.0', language: 'en-GB', timeZone: 'Europe/London' } as const;
const consent = { policyVersion: DEFAULT_CONFIG.policyVersion, method: 'checkbox', agreed: true } as const;

/** A parent with one child enrolled on one PC (relays in "no email" mode: registration signs in at once). */
export type HttpFamily = Readonly<{
  parent: Readonly<{ parentId: string; token: string; email: string }>;
  child: Child;
  childToken: string;
  deviceId: string;
}>;

export async function registerParentHttp(h: RelayHttp): Promise<HttpFamily['parent']> {
  const email = `${unique('parent')}@example.test`;
  const grant = expectHttp(
    await h.request<SessionGrant>('POST', '/v1/parents', {
      body: { email, password: 'correct horse battery', displayName: 'Sam' },
    }),
    201,
    'register a parent',
  );
  return { parentId: grant.parentId, token: grant.token, email };
}

export async function createChildHttp(h: RelayHttp, parentToken: string, displayName = 'Robin'): Promise<Child> {
  return expectHttp(
    await h.request<Child>('POST', '/v1/children', {
      token: parentToken,
      body: { displayName, username: unique('kid'), consent },
    }),
    201,
    'add a child',
  );
}

export async function enrollDeviceHttp(
  h: RelayHttp,
  parentToken: string,
  childIds: readonly string[],
): Promise<EnrollDeviceResult> {
  return expectHttp(
    await h.request<EnrollDeviceResult>('POST', '/v1/devices', {
      token: parentToken,
      body: { name: 'Family PC', info: DEVICE_INFO, childIds },
    }),
    201,
    'enroll a PC',
  );
}

export async function createFamilyHttp(h: RelayHttp, childName?: string): Promise<HttpFamily> {
  const parent = await registerParentHttp(h);
  const child = await createChildHttp(h, parent.token, childName);
  const device = await enrollDeviceHttp(h, parent.token, [child.childId]);
  return { parent, child, childToken: (device.credentials[0] as { token: string }).token, deviceId: device.deviceId };
}

/** Another PC for the same child: its device id and the child's credential there (messages go to every device). */
export async function anotherDeviceHttp(
  h: RelayHttp,
  family: HttpFamily,
): Promise<Readonly<{ deviceId: string; token: string }>> {
  const device = await enrollDeviceHttp(h, family.parent.token, [family.child.childId]);
  return { deviceId: device.deviceId, token: (device.credentials[0] as { token: string }).token };
}

export async function actHttp(
  h: RelayHttp,
  token: string,
  friendshipId: string,
  action: string,
): Promise<HttpResult<FriendshipView>> {
  return h.request<FriendshipView>('POST', `/v1/friendships/${friendshipId}/actions`, { token, body: { action } });
}

/** A's child makes a code, B's child redeems it: a friend request; its id. */
export async function requestFriendshipHttp(h: RelayHttp, a: HttpFamily, b: HttpFamily): Promise<string> {
  const invite = expectHttp(
    await h.request<Invite>('POST', '/v1/invites', { token: a.childToken, body: {} }),
    201,
    'make an invite',
  );
  const view = expectHttp(
    await h.request<FriendshipView>('POST', '/v1/invites/redeem', { token: b.childToken, body: { code: invite.code } }),
    201,
    'redeem an invite',
  );
  return view.friendshipId;
}

/** The whole handshake through `h`: code, redeem, both kids confirm, both parents approve. */
export async function befriendHttp(h: RelayHttp, a: HttpFamily, b: HttpFamily): Promise<string> {
  const id = await requestFriendshipHttp(h, a, b);
  expectHttp(await actHttp(h, a.childToken, id, 'confirm'), 200, 'confirm');
  expectHttp(await actHttp(h, a.parent.token, id, 'approve'), 200, 'approve');
  const view = expectHttp(await actHttp(h, b.parent.token, id, 'approve'), 200, 'approve');
  if (view.status !== 'active') throw new Error(`handshake ended in ${view.status}, not active`);
  return id;
}

/** A signaling grant for a device or parent credential. */
export async function signalingGrantHttp(h: RelayHttp, token: string): Promise<SignalingGrant> {
  return expectHttp(await h.request<SignalingGrant>('POST', '/v1/signaling/session', { token }), 201, 'signaling grant');
}
