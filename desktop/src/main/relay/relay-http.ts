import { Type, type Static, type TSchema } from 'typebox';
import {
  Child,
  ChildList,
  ConsentList,
  DeviceList,
  EnrollDeviceResult,
  ErrorCode,
  ErrorResponse,
  FriendshipList,
  FriendshipView,
  HearthError,
  IceConfig,
  Invite,
  Me,
  PolicyInfo,
  SessionGrant,
  SignalingGrant,
  SignalingPeers,
  type ChildId,
  type CreateChildBody,
  type EnrollDeviceBody,
  type FriendshipAction,
  type RegisterParentBody,
  type SignInBody,
  type UpdateChildBody,
} from '@hearth/common';
import { firstProblem, matches } from '../validate';

export type RelayHttpDeps = Readonly<{
  /** The relay's origin, e.g. `http://127.0.0.1:8787`. */
  baseUrl: string;
  /** Default: global fetch. */
  fetch?: typeof fetch;
  /** Give up on one request after this long. Default 15 s. */
  timeoutMs?: number;
}>;

const NoContent = Type.Null();
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The relay's HTTP API, typed and checked against common's response schemas. */
export type RelayHttp = Readonly<{
  policy: () => Promise<PolicyInfo>;
  registerParent: (body: RegisterParentBody) => Promise<SessionGrant>;
  signIn: (body: SignInBody) => Promise<SessionGrant>;
  signOut: (token: string, sessionId: string) => Promise<null>;
  me: (token: string) => Promise<Me>;
  listChildren: (token: string) => Promise<Static<typeof ChildList>>;
  createChild: (token: string, body: CreateChildBody) => Promise<Child>;
  updateChild: (token: string, childId: ChildId, body: UpdateChildBody) => Promise<Child>;
  consents: (token: string) => Promise<Static<typeof ConsentList>>;
  enrollDevice: (token: string, body: EnrollDeviceBody) => Promise<EnrollDeviceResult>;
  addDeviceChild: (token: string, deviceId: string, childId: ChildId) => Promise<EnrollDeviceResult>;
  removeDeviceChild: (token: string, deviceId: string, childId: ChildId) => Promise<null>;
  listDevices: (token: string) => Promise<Static<typeof DeviceList>>;
  revokeDevice: (token: string, deviceId: string) => Promise<null>;
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
}>;

/**
 * A client of the relay's `/v1` routes. Every answer is checked against its schema; a relay
 * error becomes a HearthError with the relay's code; an unreachable relay is UNAVAILABLE.
 */
export function createRelayHttp(deps: RelayHttpDeps): RelayHttp {
  const doFetch = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? 15_000;

  async function call<S extends TSchema>(
    method: Method,
    path: string,
    schema: S,
    options: Readonly<{ token?: string; body?: unknown }> = {},
  ): Promise<Static<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(new URL(path, deps.baseUrl), {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (cause) {
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
    if (!response.ok) {
      if (matches(ErrorResponse, json)) throw new HearthError(json.error.code, json.error.message, { status: response.status });
      throw new HearthError(ErrorCode.Unavailable, 'The Hearth server is having trouble.', { status: response.status });
    }
    if (!matches(schema, json)) {
      throw new HearthError(ErrorCode.Internal, 'The Hearth server sent an answer this app does not understand.', {
        path,
        problem: firstProblem(schema, json),
      });
    }
    return json;
  }

  return Object.freeze({
    policy: () => call('GET', '/v1/policy', PolicyInfo),
    registerParent: (body: RegisterParentBody) => call('POST', '/v1/parents', SessionGrant, { body }),
    signIn: (body: SignInBody) => call('POST', '/v1/sessions', SessionGrant, { body }),
    signOut: (token: string, sessionId: string) => call('DELETE', `/v1/sessions/${sessionId}`, NoContent, { token }),
    me: (token: string) => call('GET', '/v1/me', Me, { token }),
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
    revokeDevice: (token: string, deviceId: string) => call('DELETE', `/v1/devices/${deviceId}`, NoContent, { token }),
    createInvite: (token: string, childId?: ChildId) =>
      call('POST', '/v1/invites', Invite, { token, body: childId === undefined ? {} : { childId } }),
    redeemInvite: (token: string, code: string) => call('POST', '/v1/invites/redeem', FriendshipView, { token, body: { code } }),
    listFriendships: (token: string) => call('GET', '/v1/friendships', FriendshipList, { token }),
    actOnFriendship: (token: string, friendshipId: string, action: FriendshipAction) =>
      call('POST', `/v1/friendships/${friendshipId}/actions`, FriendshipView, { token, body: { action } }),
    signalingSession: (token: string) => call('POST', '/v1/signaling/session', SignalingGrant, { token, body: {} }),
    ice: (token: string) => call('GET', '/v1/ice', IceConfig, { token }),
    signalingPeers: (token: string) => call('GET', '/v1/signaling/peers', SignalingPeers, { token }),
  });
}
