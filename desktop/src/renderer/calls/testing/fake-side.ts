/** Tests only: one PC's side of a call, with main's calls channels faked in memory. */
import type { CallContact, CallIce, IpcResult, PeerId, RecordCallArgs } from '@hearth/common';
import { createCallService, type CallService, type CallServiceDeps } from '../call-service';
import type { MediaAccess } from '../media';
import { FakeMediaStream, FakeTrack, type FakeNetwork, type FakePeer } from './fake-peerjs';

const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
const refused = (code: 'NOT_FOUND' | 'FORBIDDEN' | 'UNAVAILABLE'): IpcResult<never> => ({
  ok: false,
  error: { code, message: 'no' },
});

export type FakeSide = Readonly<{
  name: string;
  peerId: PeerId;
  contactId: string;
  service: CallService;
  records: RecordCallArgs[];
  presence: boolean[];
  /** Contacts this side's "main" knows, by peer id. */
  contacts: Map<string, CallContact>;
  ice: { current: CallIce };
  gum: MediaStreamConstraints[];
  peer: () => FakePeer;
  /** How many times the page asked main for ICE settings. */
  iceAsked: () => number;
  /** Sends one of main's events to the page. */
  emit: (event: string, payload: unknown) => void;
}>;

let counter = 0;

export function fakeMedia(gum: MediaStreamConstraints[]): MediaAccess {
  return {
    getUserMedia: async (c) => {
      gum.push(c);
      const tracks: FakeTrack[] = [];
      if (c.audio) tracks.push(new FakeTrack('audio', 'mic'));
      if (c.video) {
        const id = (c.video as MediaTrackConstraints).deviceId as { exact?: string } | undefined;
        tracks.push(new FakeTrack('video', id?.exact ?? 'default camera'));
      }
      return new FakeMediaStream(tracks) as unknown as MediaStream;
    },
    enumerateDevices: async () =>
      [
        { kind: 'videoinput', deviceId: 'cam-1', label: 'Front camera', groupId: 'g' },
        { kind: 'videoinput', deviceId: 'cam-2', label: '', groupId: 'g' },
        { kind: 'audioinput', deviceId: 'mic-1', label: 'Headset', groupId: 'g' },
      ] as MediaDeviceInfo[],
  };
}

export function fakeSide(
  network: FakeNetwork,
  name: string,
  options: Readonly<{
    ringTimeoutMs?: number;
    overrides?: Partial<CallServiceDeps>;
    /** Main's check of a contact waits for this (a slow main). */
    contactGate?: Promise<void>;
    /** Main's check of an arriving caller takes this long (a slow main). */
    identifyDelayMs?: number;
  }> = {},
): FakeSide {
  counter += 1;
  const peerId = `${name.toLowerCase()}peer${counter}` as PeerId;
  const contactId = `01J${String(counter).padStart(23, '0')}`;
  const records: RecordCallArgs[] = [];
  const presence: boolean[] = [];
  const contacts = new Map<string, CallContact>();
  const ice = { current: { iceServers: [], iceTransportPolicy: 'all', expiresAt: null } as CallIce };
  const gum: MediaStreamConstraints[] = [];
  let tokens = 0;
  let iceAsked = 0;
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const service = createCallService({
    hearth: {
      getCallSession: async () =>
        ok({
          peerId,
          token: `sg_${name}_token_${++tokens}`,
          expiresAt: Date.now() + 600_000,
          host: '127.0.0.1',
          port: 8787,
          secure: false,
          path: '/',
          key: 'peerjs',
          ringTimeoutMs: options.ringTimeoutMs ?? 5_000,
        }),
      getCallIce: async () => {
        iceAsked += 1;
        return ok(ice.current);
      },
      getCallContact: async ({ contactId: id }) => {
        await options.contactGate;
        const c = [...contacts.values()].find((x) => x.contactId === id);
        return c ? ok(c) : refused('NOT_FOUND');
      },
      identifyCaller: async ({ peerId: p }) => {
        if (options.identifyDelayMs) await new Promise((r) => setTimeout(r, options.identifyDelayMs));
        const c = contacts.get(p);
        return c ? ok(c) : refused('FORBIDDEN');
      },
      // A relay without `call-ice` (the fakes make no SDP to restart with anyway).
      sendCallIce: async () => refused('UNAVAILABLE'),
      setCallPresence: async ({ inCall }) => {
        presence.push(inCall);
        return ok({ done: true as const });
      },
      on: ((event: string, listener: (payload: unknown) => void) => {
        const set = eventListeners.get(event) ?? new Set();
        set.add(listener);
        eventListeners.set(event, set);
        return () => set.delete(listener);
      }) as CallServiceDeps['hearth']['on'],
      recordCall: async (args) => {
        records.push(args);
        return ok({ callId: `01J${'0'.repeat(23)}`, ...args });
      },
    },
    createPeer: network.factory(),
    media: fakeMedia(gum),
    myAvatar: () => name.toLowerCase(),
    endedLingerMs: 200,
    backoff: { initialMs: 5, maxMs: 20 },
    ...options.overrides,
  });
  return {
    name,
    iceAsked: () => iceAsked,
    peerId,
    contactId,
    service,
    records,
    presence,
    contacts,
    ice,
    gum,
    emit: (event, payload) => {
      for (const l of [...(eventListeners.get(event) ?? [])]) l(payload);
    },
    peer: () => {
      const p = network.peers.get(peerId);
      if (!p) throw new Error(`${name} has no peer`);
      return p;
    },
  };
}

/** Makes two sides friends: the network lets them talk and each knows the other as a contact. */
export function befriend(network: FakeNetwork, a: FakeSide, b: FakeSide): void {
  network.allow(a.peerId, b.peerId);
  for (const [me, other] of [
    [a, b],
    [b, a],
  ] as const) {
    me.contacts.set(other.peerId, {
      contactId: other.contactId,
      peerId: other.peerId,
      displayName: other.name,
      kind: 'friend',
      grownUp: false,
      parentDisplayName: `${other.name}'s parent`,
      avatar: null,
    });
  }
}

/** Waits until `check` gives something truthy (and gives it), or fails saying `what` it waited for. */
export async function until<T>(check: () => T, what: string, timeoutMs = 2_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
