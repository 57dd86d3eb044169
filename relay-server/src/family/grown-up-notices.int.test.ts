import { describe, expect, it } from 'vitest';
import { APP_VERSION_HEADER, type Notice, type WsServerFrame } from '@hearth/common';
import {
  api,
  befriend,
  createChild,
  enrollDevice,
  createFamily,
  expectStatus,
  type TestFamily,
  type TestRelay,
} from '../../test/helpers';
import { connect, settle, type TestSocket } from '../../test/ws-client';
import { relayWithSocketsPerTest } from '../../test/relay-per-test';
import { noticeChildReported } from './grown-up-notices';

/**
 * Issue 14 §4 on the relay: what parent mode notifies of arrives as `notice` frames on the child's
 * guardians' own sockets, and never on anyone else's (the other family, the children).
 */
type NoticeFrame = Extract<WsServerFrame, { type: 'notice' }>;

let relay: TestRelay;
let url: string;
let a: TestFamily;
let b: TestFamily;

const sockets = relayWithSocketsPerTest(async (r, u) => {
  relay = r;
  url = u;
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
  await befriend(relay.app, a, b);
});

const isNotice = (kind: string) => (f: WsServerFrame) => f.type === 'notice' && f.notice.kind === kind;
const notices = (s: TestSocket): Notice[] => s.frames.flatMap((f) => (f.type === 'notice' ? [f.notice] : []));

/** Everyone's sockets: A's guardian, B's guardian, both children. */
async function everyone(): Promise<Readonly<{ aParent: TestSocket; bParent: TestSocket; kids: TestSocket[] }>> {
  const aParent = await sockets.open(url, a.parent.token);
  const bParent = await sockets.open(url, b.parent.token);
  const kids = [await sockets.open(url, a.childToken), await sockets.open(url, b.childToken)];
  return { aParent, bParent, kids };
}

describe("the grown-ups' notices of issue 14", () => {
  it('tell only the child’s guardians that a computer was signed out, with its name', async () => {
    // A's child on a second computer, signed out; the first computer stays.
    const second = await enrollDevice(relay.app, a.parent.token, [a.child.childId]);
    const { aParent, bParent, kids } = await everyone();
    expectStatus(await api(relay.app, 'DELETE', `/v1/devices/${second.deviceId}`, { token: a.parent.token }), 204);
    const frame = await aParent.take<NoticeFrame>(isNotice('device-signed-out'));
    expect(frame.notice).toMatchObject({ childId: a.child.childId, childName: a.child.displayName, computerName: 'Family PC' });
    expect(frame.notice.about).toBeNull();
    // In the list too; an app older than the kind does not get it (it would refuse the whole list).
    const list = expectStatus(await api<{ notices: Notice[] }>(relay.app, 'GET', '/v1/notices', { token: a.parent.token }), 200);
    expect(list.notices.map((n) => n.kind)).toContain('device-signed-out');
    const old = await relay.app.inject({
      method: 'GET',
      url: '/v1/notices',
      headers: { [APP_VERSION_HEADER]: '0.2.0', authorization: `Bearer ${a.parent.token}` },
    });
    expect((old.json() as { notices: Notice[] }).notices.map((n) => n.kind)).not.toContain('device-signed-out');
    await settle(200);
    expect(notices(bParent)).toEqual([]);
    for (const kid of kids) expect(notices(kid)).toEqual([]);
  });

  it('tell of a child taken off one computer, and then of those still signed in there when it is signed out', async () => {
    const sibling = await createChild(relay.app, a.parent.token);
    const pc = await enrollDevice(relay.app, a.parent.token, [a.child.childId, sibling.childId]);
    const { aParent } = await everyone();
    expectStatus(
      await api(relay.app, 'DELETE', `/v1/devices/${pc.deviceId}/children/${sibling.childId}`, { token: a.parent.token }),
      204,
    );
    expect((await aParent.take<NoticeFrame>(isNotice('device-signed-out'))).notice.childId).toBe(sibling.childId);
    // The computer signed out: only the child still signed in there is told of.
    expectStatus(await api(relay.app, 'DELETE', `/v1/devices/${pc.deviceId}`, { token: a.parent.token }), 204);
    expect((await aParent.take<NoticeFrame>(isNotice('device-signed-out'))).notice.childId).toBe(a.child.childId);
    await settle(200);
    expect(notices(aParent).filter((n) => n.kind === 'device-signed-out')).toHaveLength(2);
  });

  it('tell only the reporting child’s guardians of a report', async () => {
    const { aParent, bParent, kids } = await everyone();
    await noticeChildReported(relay.app.relay, a.child.childId, b.child.childId);
    const frame = await aParent.take<NoticeFrame>(isNotice('friend-reported'));
    expect(frame.notice).toMatchObject({ childId: a.child.childId, byName: null, about: { accountId: b.child.childId } });
    await settle(200);
    expect(notices(bParent)).toEqual([]);
    for (const kid of kids) expect(notices(kid)).toEqual([]);
  });

  it('do not send an older app a notice of a kind it does not read', async () => {
    const old = await connect(url, a.parent.token, 'header', { [APP_VERSION_HEADER]: '0.2.0' });
    sockets.keep(old);
    const now = await sockets.open(url, a.parent.token);
    await noticeChildReported(relay.app.relay, a.child.childId, b.child.childId);
    await now.take(isNotice('friend-reported'));
    await settle(200);
    expect(notices(old)).toEqual([]);
  });
});
