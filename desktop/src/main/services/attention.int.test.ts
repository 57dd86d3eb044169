import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must, setUpFamily, startTestDesktop, TEST_PASSWORD, type TestDesktop } from '@hearth/test-kit/desktop';
import { waitFor } from '@hearth/test-kit/ports';
import { createClosers } from '@hearth/test-kit/closers';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';

/**
 * The locked pane's badge through IPC (issue 14): how many things wait for a grown-up on this PC,
 * read while the pane is locked, pushed as `attentionChanged`, a count and nothing else.
 */
let relay: TestRelay;
let mayaPc: TestDesktop;
let tomPc: TestDesktop;
let maya: Awaited<ReturnType<typeof setUpFamily>>;
let tom: Awaited<ReturnType<typeof setUpFamily>>;
const started = createClosers();

const badge = async (pc: TestDesktop): Promise<number> => must(await pc.api.getGrownUpAttention()).count;
const pushed = (pc: TestDesktop): number[] => pc.events.flatMap((e) => (e.event === 'attentionChanged' ? [e.payload.count] : []));

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  mayaPc = started.add(await startTestDesktop(relay.url), () => mayaPc.close());
  tomPc = started.add(await startTestDesktop(relay.url), () => tomPc.close());
  maya = await setUpFamily(mayaPc.api, 'Maya');
  tom = await setUpFamily(tomPc.api, 'Tom');
  must(await mayaPc.api.lock());
  must(await tomPc.api.lock());
});

afterAll(() => started.closeAll());

describe("the grown-ups' badge", () => {
  let friendshipId: string;

  it('is zero on a PC where nothing waits, and readable while the pane is locked', async () => {
    expect(must(await mayaPc.api.getLockStatus()).state).toBe('locked');
    expect(await mayaPc.api.getGrownUpAttention()).toEqual({ ok: true, value: { count: 0 } });
  });

  it('does not count a request until both children said yes', async () => {
    must(await mayaPc.api.selectProfile({ childId: maya.childId }));
    must(await tomPc.api.selectProfile({ childId: tom.childId }));
    const invite = must(await mayaPc.api.createInvite());
    friendshipId = must(await tomPc.api.redeemInvite({ code: invite.code })).friendshipId;
    await waitFor(
      async () => must(await mayaPc.api.listFriends()).friends.some((f) => f.friendship.friendshipId === friendshipId),
      10_000,
      'the request on Maya’s PC',
    );
    expect(await badge(mayaPc)).toBe(0);
  });

  it('counts a friend request waiting for the grown-up on both PCs, whichever profile is open', async () => {
    must(await mayaPc.api.actOnFriendship({ friendshipId, action: 'confirm' }));
    must(await tomPc.api.leaveProfile());
    await waitFor(async () => (await badge(mayaPc)) === 1, 10_000, 'the badge on Maya’s PC');
    await waitFor(async () => (await badge(tomPc)) === 1, 10_000, 'the badge on Tom’s PC (no profile open)');
    await waitFor(() => pushed(tomPc).at(-1) === 1, 10_000, 'attentionChanged on Tom’s PC');
    expect(pushed(mayaPc).at(-1)).toBe(1);
  });

  it('goes down once the grown-up approved, on that family’s PC only', async () => {
    must(await mayaPc.api.unlock({ password: TEST_PASSWORD }));
    must(await mayaPc.api.actOnFriendshipAsParent({ friendshipId, action: 'approve' }));
    must(await mayaPc.api.lock());
    await waitFor(async () => (await badge(mayaPc)) === 0, 10_000, 'no badge on Maya’s PC');
    await waitFor(() => pushed(mayaPc).at(-1) === 0, 10_000, 'attentionChanged 0 on Maya’s PC');
    expect(await badge(tomPc)).toBe(1);
    // Only a count ever crosses: no names, no ids.
    for (const e of [...mayaPc.events, ...tomPc.events].filter((x) => x.event === 'attentionChanged'))
      expect(Object.keys(e.payload)).toEqual(['count']);
  });
});
