import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import {
  APP_VERSION,
  APP_VERSION_HEADER,
  type Child,
  type EnrollDeviceResult,
  type FriendshipView,
  type Invite,
  type SessionGrant,
} from '@hearth/common';
import { buildApp, type BuildOptions, type RelayApp } from '../src/app';
import { DEFAULT_CONFIG, type RelayConfig } from '../src/config';

/** A clock the test moves by hand; the relay reads it through `now`. */
export type TestClock = Readonly<{ now: () => number; advance: (ms: number) => void }>;

export function createClock(start = Date.UTC(2026, 10, 2, 9, 0, 0)): TestClock {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export type TestOverrides = Readonly<
  Omit<Partial<RelayConfig>, 'rateLimits' | 'passwordHash'> & {
    rateLimits?: Partial<RelayConfig['rateLimits']>;
    logger?: BuildOptions['logger'];
    firstReadIn?: BuildOptions['firstReadIn'];
    bus?: BuildOptions['bus'];
  }
>;

export type TestRelay = Readonly<{
  app: RelayApp;
  clock: TestClock;
  config: RelayConfig;
  dataDir: string;
  /** Closes the app and deletes its data folder. */
  close: () => Promise<void>;
}>;

/**
 * The relay on a real SQLite file in a fresh temp folder (or `dataDir`, to reopen one), with a hand-moved clock, no logging
 * and cheap argon2 (tests only). Registration is not rate limited unless a test asks for it,
 * since every test registers parents from the same address.
 */
export async function buildTestApp(overrides: TestOverrides = {}): Promise<TestRelay> {
  const { rateLimits, logger, firstReadIn, bus, ...rest } = overrides;
  const dataDir = rest.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-relay-test-')));
  const config: RelayConfig = Object.freeze({
    ...DEFAULT_CONFIG,
    dataDir,
    logLevel: 'silent',
    passwordHash: { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 },
    ...rest,
    rateLimits: { ...DEFAULT_CONFIG.rateLimits, registerPerHour: 100_000, ...rateLimits },
  });
  const clock = createClock();
  const app = await buildApp(config, {
    now: clock.now,
    logger: logger ?? false,
    ...(firstReadIn ? { firstReadIn } : {}),
    ...(bus ? { bus } : {}),
  });
  await app.ready();
  return {
    app,
    clock,
    config,
    dataDir,
    close: async () => {
      await app.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One relay for every test of the file (or of the `describe` block it is called in): built (as
 * {@link buildTestApp}) before them, handed to `use`, closed after them.
 */
export function relayForFile(use: (relay: TestRelay) => void, overrides: TestOverrides = {}): void {
  let relay: TestRelay | undefined;
  beforeAll(async () => {
    relay = await buildTestApp(overrides);
    use(relay);
  });
  afterAll(async () => {
    await relay?.close();
  });
}

export type ApiResult<T = unknown> = Readonly<{ status: number; body: T; headers: LightMyRequestResponse['headers'] }>;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT' | 'HEAD';

/** One JSON request through `app.inject()`, announcing this app's version; the body is parsed when there is one. */
export async function api<T = unknown>(
  app: RelayApp,
  method: Method,
  url: string,
  options: Readonly<{ token?: string; body?: unknown; remoteAddress?: string }> = {},
): Promise<ApiResult<T>> {
  const res = await app.inject({
    method,
    url,
    headers: { [APP_VERSION_HEADER]: APP_VERSION, ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    ...(options.body !== undefined ? { payload: options.body as object } : {}),
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
  return { status: res.statusCode, body: (res.body ? res.json() : undefined) as T, headers: res.headers };
}

/** Fails with the response in the message, so a broken setup step says what the relay answered. */
export function expectStatus<T>(res: ApiResult<T>, status: number): T {
  if (res.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

let counter = 0;
/** Unique per process and per call: usernames and emails never collide across tests. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${process.pid.toString(36)}${counter}`;
}

export const PASSWORD = 'correct horse battery';

export type TestParent = Readonly<{ parentId: string; token: string; sessionId: string; email: string; password: string }>;

export async function registerParent(
  app: RelayApp,
  options: Readonly<{ email?: string; password?: string; displayName?: string }> = {},
): Promise<TestParent> {
  const email = options.email ?? `${unique('parent')}@example.test`;
  const password = options.password ?? PASSWORD;
  const res = await api<SessionGrant>(app, 'POST', '/v1/parents', {
    body: { email, password, displayName: options.displayName ?? 'Sam' },
  });
  if (res.status === 202 && app.relay.mailer.enabled) {
    // A relay with email: verified as the operator's `verify-email` does (tests of the emailed code: test/email.ts).
    const parent = await app.relay.store.accounts.getParentByEmail(email);
    if (!parent) throw new Error(`no pending account for ${email}`);
    await app.relay.store.email.setEmailVerified(parent.id, app.relay.now());
    const grant = await signIn(app, email, password);
    return { parentId: grant.parentId, token: grant.token, sessionId: grant.sessionId, email, password };
  }
  const grant = expectStatus(res, 201);
  return { parentId: grant.parentId, token: grant.token, sessionId: grant.sessionId, email, password };
}

export async function signIn(app: RelayApp, email: string, password: string): Promise<SessionGrant> {
  return expectStatus(await api<SessionGrant>(app, 'POST', '/v1/sessions', { body: { email, password } }), 201);
}

/** The consent a parent gives to the relay's current policy. */
export function consentFor(app: RelayApp): Readonly<{ policyVersion: string; method: 'checkbox'; agreed: true }> {
  return { policyVersion: app.relay.config.policyVersion, method: 'checkbox', agreed: true };
}

export async function createChild(
  app: RelayApp,
  parentToken: string,
  extra: Readonly<Record<string, unknown>> = {},
): Promise<Child> {
  return expectStatus(
    await api<Child>(app, 'POST', '/v1/children', {
      token: parentToken,
      body: { displayName: 'Robin', username: unique('kid'), consent: consentFor(app), ...extra },
    }),
    201,
  );
}

export const DEVICE_INFO = { os: 'linux', appVersion: '0.1.0', language: 'en-GB', timeZone: 'Europe/London' } as const;

export async function enrollDevice(app: RelayApp, parentToken: string, childIds: readonly string[]): Promise<EnrollDeviceResult> {
  return expectStatus(
    await api<EnrollDeviceResult>(app, 'POST', '/v1/devices', {
      token: parentToken,
      body: { name: 'Family PC', info: DEVICE_INFO, childIds },
    }),
    201,
  );
}

/** A parent with two children, both enrolled on one PC (the credentials are in the children's order). */
export async function twoChildrenOnOnePc(
  app: RelayApp,
): Promise<Readonly<{ parent: TestParent; kids: Child[]; enrolled: EnrollDeviceResult }>> {
  const parent = await registerParent(app);
  const kids = [await createChild(app, parent.token), await createChild(app, parent.token)];
  const enrolled = await enrollDevice(
    app,
    parent.token,
    kids.map((k) => k.childId),
  );
  return { parent, kids, enrolled };
}

/** Makes a parent session a parent device (a parent-mode PC); its id. */
export async function registerParentDevice(app: RelayApp, parentToken: string, replacesSessionId?: string): Promise<string> {
  const body = replacesSessionId === undefined ? {} : { replacesSessionId };
  return expectStatus(await api<{ deviceId: string }>(app, 'POST', '/v1/parent-devices', { token: parentToken, body }), 200)
    .deviceId;
}

/** A parent with one child enrolled on one PC: the child's device credential is `childToken`. */
export type TestFamily = Readonly<{
  parent: TestParent;
  child: Child;
  childToken: string;
  deviceId: string;
}>;

export async function createFamily(app: RelayApp, childExtra: Readonly<Record<string, unknown>> = {}): Promise<TestFamily> {
  const parent = await registerParent(app);
  const child = await createChild(app, parent.token, childExtra);
  const device = await enrollDevice(app, parent.token, [child.childId]);
  return { parent, child, childToken: (device.credentials[0] as { token: string }).token, deviceId: device.deviceId };
}

export async function makeInvite(app: RelayApp, childToken: string): Promise<Invite> {
  return expectStatus(await api<Invite>(app, 'POST', '/v1/invites', { token: childToken, body: {} }), 201);
}

export async function redeem(app: RelayApp, childToken: string, code: string): Promise<FriendshipView> {
  return expectStatus(await api<FriendshipView>(app, 'POST', '/v1/invites/redeem', { token: childToken, body: { code } }), 201);
}

export async function act(
  app: RelayApp,
  token: string,
  friendshipId: string,
  action: string,
): Promise<ApiResult<FriendshipView>> {
  return api<FriendshipView>(app, 'POST', `/v1/friendships/${friendshipId}/actions`, { token, body: { action } });
}

/** A's child makes a code and B's child redeems it: a friend request (side a = A's child). */
export async function requestFriendship(app: RelayApp, a: TestFamily, b: TestFamily): Promise<string> {
  const invite = await makeInvite(app, a.childToken);
  return (await redeem(app, b.childToken, invite.code)).friendshipId;
}

/** Runs the whole handshake: code, redeem, both kids confirm, both parents approve. */
export async function befriend(app: RelayApp, a: TestFamily, b: TestFamily): Promise<string> {
  const id = await requestFriendship(app, a, b);
  expectStatus(await act(app, a.childToken, id, 'confirm'), 200);
  expectStatus(await act(app, a.parent.token, id, 'approve'), 200);
  const view = expectStatus(await act(app, b.parent.token, id, 'approve'), 200);
  if (view.status !== 'active') throw new Error(`handshake ended in ${view.status}, not active`);
  return id;
}
