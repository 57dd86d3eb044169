import { Type, type Static, type TSchema } from 'typebox';
import {
  CheckEmail,
  Child,
  ChildList,
  ConsentList,
  DeviceList,
  EnrollDeviceResult,
  ErrorCode,
  FriendshipList,
  FriendshipView,
  HearthError,
  IceConfig,
  Invite,
  Me,
  ParentComputerList,
  ParentDeviceResult,
  PolicyText,
  type PolicyLanguage,
  RelayVersion,
  SessionGrant,
  SignalingGrant,
  SignalingPeers,
  tolerantReader,
  type ChildId,
  type CreateChildBody,
  type DeviceInfo,
  type EnrollDeviceBody,
  type FriendshipAction,
  type RegisterParentBody,
  type SignInBody,
  type UpdateChildBody,
} from '@hearth/common';
import { relayError } from './relay-errors';
import type { RelayVersions } from './relay-versions';

export type RelayHttpDeps = Readonly<{
  /** The relay's origin, e.g. `http://127.0.0.1:8787`. */
  baseUrl: string;
  /** Default: global fetch. */
  fetch?: typeof fetch;
  /** Give up on one request after this long. Default 15 s. */
  timeoutMs?: number;
  /** Says this app's version on every request and hears the relay's. */
  versions?: RelayVersions;
}>;

const NoContent = Type.Null();
const RegisterAnswer = Type.Union([SessionGrant, CheckEmail]);
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One typed request to the relay, read tolerantly against `schema` (for clients of other routes built on this one). */
export type RelayCall = <S extends TSchema>(
  method: Method,
  path: string,
  schema: S,
  options?: Readonly<{ token?: string; body?: unknown }>,
) => Promise<Static<S>>;

/** The relay's HTTP API, typed and checked against common's response schemas. */
export type RelayHttp = Readonly<{
  /** The current privacy policy, with its text in `lang`. */
  policy: (lang: PolicyLanguage) => Promise<PolicyText>;
  /** What the relay is and serves (`GET /v1/version`); null for a relay without it (API version 1). */
  version: () => Promise<RelayVersion | null>;
  /** A session at once, or (a relay with SMTP) "check your email" whether or not the address had an account. */
  registerParent: (body: RegisterParentBody) => Promise<SessionGrant | CheckEmail>;
  signIn: (body: SignInBody) => Promise<SessionGrant>;
  signOut: (token: string, sessionId: string) => Promise<null>;
  me: (token: string) => Promise<Me>;
  /** Makes this parent session a parent device (parent mode), keeping the device of `replacesSessionId` if named. */
  registerParentDevice: (token: string, replacesSessionId?: string) => Promise<ParentDeviceResult>;
  listChildren: (token: string) => Promise<Static<typeof ChildList>>;
  createChild: (token: string, body: CreateChildBody) => Promise<Child>;
  updateChild: (token: string, childId: ChildId, body: UpdateChildBody) => Promise<Child>;
  consents: (token: string) => Promise<Static<typeof ConsentList>>;
  enrollDevice: (token: string, body: EnrollDeviceBody) => Promise<EnrollDeviceResult>;
  addDeviceChild: (token: string, deviceId: string, childId: ChildId) => Promise<EnrollDeviceResult>;
  removeDeviceChild: (token: string, deviceId: string, childId: ChildId) => Promise<null>;
  listDevices: (token: string) => Promise<Static<typeof DeviceList>>;
  /** The grown-up's own parent-mode PCs, with last seen (F18); sign one out with `signOut`. */
  listParentComputers: (token: string) => Promise<Static<typeof ParentComputerList>>;
  /** `erase`: that PC also erases Hearth's data when it next reaches the relay (F18). */
  revokeDevice: (token: string, deviceId: string, erase?: boolean) => Promise<null>;
  /** This PC's info changed (F18): said with one of its device credentials. */
  updateDeviceInfo: (token: string, deviceId: string, info: DeviceInfo) => Promise<null>;
  /** A child's own code (child token), or a parent's code for a named child. */
  createInvite: (token: string, childId?: ChildId) => Promise<Invite>;
  redeemInvite: (token: string, code: string) => Promise<FriendshipView>;
  listFriendships: (token: string) => Promise<Static<typeof FriendshipList>>;
  actOnFriendship: (token: string, friendshipId: string, action: FriendshipAction) => Promise<FriendshipView>;
  /** A short-lived token for the PeerJS socket, as the caller's account peer id. */
  signalingSession: (token: string) => Promise<SignalingGrant>;
  /** ICE servers with fresh TURN credentials. */
  ice: (token: string) => Promise<IceConfig>;
  /** The peer ids of the accounts the caller may call. */
  signalingPeers: (token: string) => Promise<SignalingPeers>;
  /** The same typed request, for clients of the relay's other routes (e.g. `email-http.ts`). */
  call: RelayCall;
}>;

/**
 * A client of the relay's `/v1` routes. Every answer is read tolerantly against its schema
 * (fields this app does not know are ignored and stripped; what it knows must match); a relay
 * error becomes a HearthError with the relay's code (an unknown code: INTERNAL); an unreachable
 * relay is UNAVAILABLE. Every request says this app's version (`Hearth-App-Version`).
 */
/** How many times a request goes again after a stale kept-alive connection (see {@link staleConnection}). */
const STALE_RETRIES = 3;

/**
 * Whether `fetch` failed on a connection the other side had closed or reset, with no answer: what
 * a pooled connection to a relay that restarted gives (undici: `UND_ERR_SOCKET` "other side
 * closed", or `ECONNRESET`/`EPIPE`). A refused connection or a timeout is not this.
 */
function staleConnection(err: unknown): boolean {
  const code = (err as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE';
}

export function createRelayHttp(deps: RelayHttpDeps): RelayHttp {
  const doFetch = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? 15_000;

  async function call<S extends TSchema>(
    method: Method,
    path: string,
    schema: S,
    options: Readonly<{ token?: string; body?: unknown }> = {},
  ): Promise<Static<S>> {
    const headers: Record<string, string> = { accept: 'application/json', ...deps.versions?.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const send = (): Promise<Response> =>
      doFetch(new URL(path, deps.baseUrl), {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    let response: Response | undefined;
    let cause: unknown;
    // A kept-alive connection the relay had closed fails with no answer (a relay that restarted
    // never read the request): it goes again on a fresh connection, as browsers do; a few times,
    // since several pooled connections may be stale at once. Any other failure answers at once.
    for (let attempt = 0; response === undefined && attempt <= STALE_RETRIES; attempt++) {
      try {
        response = await send();
      } catch (err) {
        cause = err;
        if (!staleConnection(err)) break;
      }
    }
    if (response === undefined) {
      throw new HearthError(
        ErrorCode.Unavailable,
        'Hearth cannot reach its server right now. Please try again soon.',
        undefined,
        {
          cause,
        },
      );
    }
    const text = await response.text();
    let json: unknown = null;
    if (text !== '') {
      try {
        json = JSON.parse(text);
      } catch (cause) {
        throw new HearthError(
          ErrorCode.Unavailable,
          'The Hearth server sent something unexpected.',
          { status: response.status },
          { cause },
        );
      }
    }
    deps.versions?.heard(response.headers, response.ok);
    if (!response.ok) throw relayError(json, response.status, 'The Hearth server is having trouble.', deps.versions);
    const reader = tolerantReader(schema);
    const value = reader.read(json);
    if (value === undefined) {
      throw new HearthError(ErrorCode.Internal, 'The Hearth server sent an answer this app does not understand.', {
        path,
        problem: reader.problem(json),
      });
    }
    return value;
  }

  return Object.freeze({
    policy: (lang) => call('GET', `/v1/policy?lang=${lang}`, PolicyText),
    version: () =>
      call('GET', '/v1/version', RelayVersion).catch((err: unknown) => {
        if (err instanceof HearthError && err.code === ErrorCode.NotFound) return null;
        throw err;
      }),
    registerParent: (body: RegisterParentBody) => call('POST', '/v1/parents', RegisterAnswer, { body }),
    signIn: (body: SignInBody) => call('POST', '/v1/sessions', SessionGrant, { body }),
    signOut: (token: string, sessionId: string) => call('DELETE', `/v1/sessions/${sessionId}`, NoContent, { token }),
    me: (token: string) => call('GET', '/v1/me', Me, { token }),
    registerParentDevice: (token: string, replacesSessionId?: string) =>
      call('POST', '/v1/parent-devices', ParentDeviceResult, {
        token,
        body: replacesSessionId === undefined ? {} : { replacesSessionId },
      }),
    listChildren: (token: string) => call('GET', '/v1/children', ChildList, { token }),
    createChild: (token: string, body: CreateChildBody) => call('POST', '/v1/children', Child, { token, body }),
    updateChild: (token: string, childId: ChildId, body: UpdateChildBody) =>
      call('PATCH', `/v1/children/${childId}`, Child, { token, body }),
    consents: (token: string) => call('GET', '/v1/consents', ConsentList, { token }),
    enrollDevice: (token: string, body: EnrollDeviceBody) => call('POST', '/v1/devices', EnrollDeviceResult, { token, body }),
    addDeviceChild: (token: string, deviceId: string, childId: ChildId) =>
      call('POST', `/v1/devices/${deviceId}/children`, EnrollDeviceResult, { token, body: { childId } }),
    removeDeviceChild: (token: string, deviceId: string, childId: ChildId) =>
      call('DELETE', `/v1/devices/${deviceId}/children/${childId}`, NoContent, { token }),
    listDevices: (token: string) => call('GET', '/v1/devices', DeviceList, { token }),
    listParentComputers: (token: string) => call('GET', '/v1/parent-devices', ParentComputerList, { token }),
    revokeDevice: (token: string, deviceId: string, erase?: boolean) =>
      call('DELETE', `/v1/devices/${deviceId}${erase ? '?erase=true' : ''}`, NoContent, { token }),
    updateDeviceInfo: (token: string, deviceId: string, info: DeviceInfo) =>
      call('PUT', `/v1/devices/${deviceId}/info`, NoContent, { token, body: { info } }),
    createInvite: (token: string, childId?: ChildId) =>
      call('POST', '/v1/invites', Invite, { token, body: childId === undefined ? {} : { childId } }),
    redeemInvite: (token: string, code: string) => call('POST', '/v1/invites/redeem', FriendshipView, { token, body: { code } }),
    listFriendships: (token: string) => call('GET', '/v1/friendships', FriendshipList, { token }),
    actOnFriendship: (token: string, friendshipId: string, action: FriendshipAction) =>
      call('POST', `/v1/friendships/${friendshipId}/actions`, FriendshipView, { token, body: { action } }),
    signalingSession: (token: string) => call('POST', '/v1/signaling/session', SignalingGrant, { token, body: {} }),
    ice: (token: string) => call('GET', '/v1/ice', IceConfig, { token }),
    signalingPeers: (token: string) => call('GET', '/v1/signaling/peers', SignalingPeers, { token }),
    call,
  });
}
