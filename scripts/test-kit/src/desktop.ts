import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  createHearthClient,
  type AvatarId,
  type ChildOnPc,
  type EventName,
  type EventPayload,
  type HearthApi,
  type HearthTransport,
  type IpcResult,
} from '@hearth/common';
import { createDesktopCore, type CoreOptions, type DesktopCore } from '@hearth/desktop/main/core';
import { silentLogger } from '@hearth/desktop/main/logging/logger';
import { waitFor } from './ports';

/** Calls main's handlers directly: the same contract the preload and the web host carry. */
export function directTransport(core: DesktopCore): HearthTransport {
  return {
    invoke: (channel, args) => core.handlers[channel](args),
    subscribe: (event, listener) =>
      core.events.subscribe((name, payload) => {
        if (name === event) listener(payload);
      }),
  };
}

export type RecordedEvent = Readonly<{ [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName]>;

export type TestDesktop = Readonly<{
  core: DesktopCore;
  api: HearthApi;
  dataDir: string;
  events: RecordedEvent[];
  /** Closes the core (like quitting the app); the data folder stays. */
  close: () => void;
}>;

/** A desktop core on a temp (or given) data folder, with a cheap password hash and quick reconnects. */
export async function startTestDesktop(
  relayUrl: string,
  overrides: Partial<Omit<CoreOptions, 'relayUrl'>> = {},
): Promise<TestDesktop> {
  const dataDir = overrides.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-desktop-')));
  const core = createDesktopCore({
    relayUrl,
    appVersion: '0.1.0-test',
    logger: silentLogger(),
    hashCost: { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 },
    reconnect: { initialDelayMs: 50, maxDelayMs: 400, idleTimeoutMs: 10_000 },
    ackTimeoutMs: 2_000,
    deviceInfo: () => ({ os: 'test-os', appVersion: '0.1.0-test', language: 'en-GB', timeZone: 'Europe/London' }),
    ...overrides,
    dataDir,
  });
  const events: RecordedEvent[] = [];
  core.events.subscribe((event, payload) => events.push({ event, payload } as RecordedEvent));
  core.start();
  return { core, api: createHearthClient(directTransport(core)), dataDir, events, close: () => core.close() };
}

/** The value of an ok result, or a thrown error naming the code. */
export function must<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export const TEST_PASSWORD = 'grown-ups-only-42';
export const RELAY_PASSWORD = 'relay-password-123';
let counter = 0;

/**
 * First run through the contract: a parent registers, creates a child with consent, enrolls
 * this PC and sets the grown-ups' password (the pane stays unlocked). Returns the child.
 */
export async function setUpFamily(
  api: HearthApi,
  name: string,
  options: Readonly<{ avatar?: AvatarId }> = {},
): Promise<ChildOnPc['child'] & { parentEmail: string }> {
  counter += 1;
  const tag = `${name.toLowerCase()}${counter}${Math.floor(Math.random() * 1e6)}`;
  const parentEmail = `${tag}@example.test`;
  must(await api.registerParent({ email: parentEmail, password: RELAY_PASSWORD, displayName: `${name}'s parent` }));
  const policy = must(await api.getPolicy());
  const { child } = must(
    await api.createChild({
      displayName: name,
      username: tag.slice(0, 24),
      consent: { policyVersion: policy.version, method: 'checkbox', agreed: true },
      ...(options.avatar ? { avatar: options.avatar } : {}),
    }),
  );
  must(await api.enrollPc({ name: `${name}'s PC`, childIds: [child.childId] }));
  must(await api.setParentPassword({ password: TEST_PASSWORD }));
  return { ...child, parentEmail };
}

/** Makes two children of two families active friends: code, redeem, confirm, both parents approve. */
export async function befriend(a: HearthApi, aChildId: string, b: HearthApi, bChildId: string): Promise<string> {
  must(await a.selectProfile({ childId: aChildId }));
  must(await b.selectProfile({ childId: bChildId }));
  const invite = must(await a.createInvite());
  const request = must(await b.redeemInvite({ code: invite.code }));
  must(await a.actOnFriendship({ friendshipId: request.friendshipId, action: 'confirm' }));
  must(await a.actOnFriendshipAsParent({ friendshipId: request.friendshipId, action: 'approve' }));
  must(await b.actOnFriendshipAsParent({ friendshipId: request.friendshipId, action: 'approve' }));
  // As the children see it: each PC learns of the approval from the relay's socket, which may
  // come a moment after the approving answer.
  const active = async (api: HearthApi): Promise<boolean> =>
    must(await api.listFriends()).friends.some(
      (f) => f.friendship.friendshipId === request.friendshipId && f.friendship.status === 'active',
    );
  await waitFor(() => active(a), 10_000, 'the friendship active on the first PC');
  await waitFor(() => active(b), 10_000, 'the friendship active on the second PC');
  return request.friendshipId;
}
