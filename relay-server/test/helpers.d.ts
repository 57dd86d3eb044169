import type { LightMyRequestResponse } from 'fastify';
import { type Child, type EnrollDeviceResult, type FriendshipView, type Invite, type SessionGrant } from '@hearth/common';
import { type BuildOptions, type RelayApp } from '../src/app';
import { type RelayConfig } from '../src/config';
/** A clock the test moves by hand; the relay reads it through `now`. */
export type TestClock = Readonly<{
    now: () => number;
    advance: (ms: number) => void;
}>;
export declare function createClock(start?: number): TestClock;
export type TestOverrides = Readonly<Omit<Partial<RelayConfig>, 'rateLimits' | 'passwordHash'> & {
    rateLimits?: Partial<RelayConfig['rateLimits']>;
    logger?: BuildOptions['logger'];
    firstReadIn?: BuildOptions['firstReadIn'];
}>;
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
export declare function buildTestApp(overrides?: TestOverrides): Promise<TestRelay>;
/**
 * One relay for every test of the file (or of the `describe` block it is called in): built (as
 * {@link buildTestApp}) before them, handed to `use`, closed after them.
 */
export declare function relayForFile(use: (relay: TestRelay) => void, overrides?: TestOverrides): void;
export type ApiResult<T = unknown> = Readonly<{
    status: number;
    body: T;
    headers: LightMyRequestResponse['headers'];
}>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT' | 'HEAD';
/** One JSON request through `app.inject()`, announcing this app's version; the body is parsed when there is one. */
export declare function api<T = unknown>(app: RelayApp, method: Method, url: string, options?: Readonly<{
    token?: string;
    body?: unknown;
    remoteAddress?: string;
}>): Promise<ApiResult<T>>;
/** Fails with the response in the message, so a broken setup step says what the relay answered. */
export declare function expectStatus<T>(res: ApiResult<T>, status: number): T;
/** Unique per process and per call: usernames and emails never collide across tests. */
export declare function unique(prefix: string): string;
export declare const PASSWORD = "correct horse battery";
export type TestParent = Readonly<{
    parentId: string;
    token: string;
    sessionId: string;
    email: string;
    password: string;
}>;
export declare function registerParent(app: RelayApp, options?: Readonly<{
    email?: string;
    password?: string;
    displayName?: string;
}>): Promise<TestParent>;
export declare function signIn(app: RelayApp, email: string, password: string): Promise<SessionGrant>;
/** The consent a parent gives to the relay's current policy. */
export declare function consentFor(app: RelayApp): Readonly<{
    policyVersion: string;
    method: 'checkbox';
    agreed: true;
}>;
export declare function createChild(app: RelayApp, parentToken: string, extra?: Readonly<Record<string, unknown>>): Promise<Child>;
export declare const DEVICE_INFO: {
    readonly os: "linux";
    readonly appVersion: "0.1.0";
    readonly language: "en-GB";
    readonly timeZone: "Europe/London";
};
export declare function enrollDevice(app: RelayApp, parentToken: string, childIds: readonly string[]): Promise<EnrollDeviceResult>;
/** A parent with two children, both enrolled on one PC (the credentials are in the children's order). */
export declare function twoChildrenOnOnePc(app: RelayApp): Promise<Readonly<{
    parent: TestParent;
    kids: Child[];
    enrolled: EnrollDeviceResult;
}>>;
/** Makes a parent session a parent device (a parent-mode PC); its id. */
export declare function registerParentDevice(app: RelayApp, parentToken: string, replacesSessionId?: string): Promise<string>;
/** A parent with one child enrolled on one PC: the child's device credential is `childToken`. */
export type TestFamily = Readonly<{
    parent: TestParent;
    child: Child;
    childToken: string;
    deviceId: string;
}>;
export declare function createFamily(app: RelayApp, childExtra?: Readonly<Record<string, unknown>>): Promise<TestFamily>;
export declare function makeInvite(app: RelayApp, childToken: string): Promise<Invite>;
export declare function redeem(app: RelayApp, childToken: string, code: string): Promise<FriendshipView>;
export declare function act(app: RelayApp, token: string, friendshipId: string, action: string): Promise<ApiResult<FriendshipView>>;
/** A's child makes a code and B's child redeems it: a friend request (side a = A's child). */
export declare function requestFriendship(app: RelayApp, a: TestFamily, b: TestFamily): Promise<string>;
/** Runs the whole handshake: code, redeem, both kids confirm, both parents approve. */
export declare function befriend(app: RelayApp, a: TestFamily, b: TestFamily): Promise<string>;
export {};
