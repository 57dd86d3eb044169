import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bus } from '../bus/port';
import {
  PEER_TTL_MS,
  claimPeer,
  connectionRole,
  connectionRoleNow,
  forgetConnection,
  locatePeer,
  recordConnection,
  refreshPeers,
  releasePeer,
} from './peer-directory';
import { BUS_FACTORIES, type BusCluster } from './test-support';

for (const factory of BUS_FACTORIES) {
  describe.skipIf(factory.skip !== undefined)(
    `the peer directory on the ${factory.name} bus${factory.skip ? ` (skip: ${factory.skip})` : ''}`,
    () => {
      let time = 1_000_000;
      let cluster: BusCluster;
      let a: Bus;
      let b: Bus;

      beforeEach(async () => {
        cluster = await factory.cluster(() => time);
        a = await cluster.join('a');
        b = await cluster.join('b');
      });
      afterEach(() => cluster.close());

      it('claims a peer for the newest login, which keeps the epoch of the one it replaced', async () => {
        const first = await claimPeer(a, 'p1', 'login1');
        expect(first.previous).toBeUndefined();
        expect(await locatePeer(b, 'p1')).toEqual(first.location);
        const second = await claimPeer(b, 'p1', 'login2');
        expect(second.previous).toEqual(first.location);
        expect(second.location).toEqual({ instance: 'b', epoch: first.location.epoch, login: 'login2' });
        expect(await locatePeer(a, 'p1')).toEqual(second.location);
      });

      it('releases a peer only while its location is the one released, and gives the next login a new epoch', async () => {
        const first = await claimPeer(a, 'p1', 'login1');
        const second = await claimPeer(b, 'p1', 'login2');
        await releasePeer(a, 'p1', first.value); // the replaced login leaving: no effect
        expect(await locatePeer(a, 'p1')).toEqual(second.location);
        await releasePeer(b, 'p1', second.value);
        expect(await locatePeer(a, 'p1')).toBeUndefined();
        const third = await claimPeer(a, 'p1', 'login3');
        expect(third.location.epoch).not.toBe(first.location.epoch);
      });

      // The test's clock moves only the in-process bus's keys (Redis keeps its own time): asked there only.
      if (factory.name === 'in-process') {
        it('forgets a peer whose instance stopped refreshing it', async () => {
          const claim = await claimPeer(a, 'p1', 'login1');
          time += PEER_TTL_MS - 1;
          expect(await refreshPeers(a, [{ peerId: 'p1', value: claim.value }])).toEqual([]);
          time += PEER_TTL_MS - 1;
          expect(await locatePeer(b, 'p1')).toEqual(claim.location);
          time += 2;
          expect(await locatePeer(b, 'p1')).toBeUndefined();
        });
      }

      it('tells a refreshing instance which of its peers another instance holds now', async () => {
        const mine = await claimPeer(a, 'p1', 'login1');
        const kept = await claimPeer(a, 'p2', 'login2');
        await claimPeer(b, 'p1', 'login3');
        expect(
          await refreshPeers(a, [
            { peerId: 'p1', value: mine.value },
            { peerId: 'p2', value: kept.value },
          ]),
        ).toEqual(['p1']);
        expect((await locatePeer(a, 'p1'))?.instance).toBe('b');
      });

      it('records a connection for both sides, valid only for the epochs it was opened with', async () => {
        const caller = { peerId: 'p1', epoch: 'e1' };
        const callee = { peerId: 'p2', epoch: 'e2' };
        await recordConnection(a, caller, callee, 'dc_1');
        expect(await connectionRole(b, caller, callee, 'dc_1')).toBe('caller');
        expect(await connectionRole(b, callee, caller, 'dc_1')).toBe('callee');
        expect(await connectionRole(b, caller, callee, 'dc_2')).toBeUndefined();
        expect(await connectionRole(b, { ...caller, epoch: 'later' }, callee, 'dc_1')).toBeUndefined();
        expect(await connectionRole(b, callee, { ...caller, epoch: 'later' }, 'dc_1')).toBeUndefined();
        // An epoch that is only the start or the end of the recorded one is another epoch.
        for (const epoch of ['e', '1', 'e1x', 'xe1', 'e1 e2']) {
          expect(await connectionRole(b, { ...caller, epoch }, callee, 'dc_1')).toBeUndefined();
          expect(await connectionRole(b, callee, { ...caller, epoch }, 'dc_1')).toBeUndefined();
        }
        expect(connectionRoleNow(a, caller, callee, 'dc_1')).toBe(a.peek ? 'caller' : null);
        await forgetConnection(b, 'p2', 'p1', 'dc_1');
        expect(await connectionRole(a, caller, callee, 'dc_1')).toBeUndefined();
        expect(await connectionRole(a, callee, caller, 'dc_1')).toBeUndefined();
      });
    },
  );
}
