import { describe, expect, it } from 'vitest';
import { FriendshipList } from '../schemas/friendships';
import { Me } from '../schemas/accounts';
import { WsServerFrame } from '../schemas/realtime';
import { AnyServerFrame, tolerantReader, unreadFrameId } from './tolerant';

const ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const child = { kind: 'child', childId: ID, parentId: ID, displayName: 'Ana', username: 'ana', deviceId: ID };

describe('tolerant reading', () => {
  it('ignores and strips fields it does not know, at any depth', () => {
    const me = tolerantReader(Me).read({ ...child, nickname: 'Ani' });
    expect(me).toEqual(child);
    const member = { accountId: ID, kind: 'child', displayName: 'Ana', parentDisplayName: null, avatar: null, mood: 'happy' };
    const view = {
      friendshipId: ID,
      kind: 'friend',
      status: 'active',
      me: member,
      friend: member,
      myKidConfirmed: true,
      friendKidConfirmed: true,
      myParentApproved: true,
      friendParentApproved: true,
      iBlocked: false,
      updatedAt: 1,
      since: 2,
    };
    const list = tolerantReader(FriendshipList).read({ friendships: [view], next: null });
    expect(list).toBeDefined();
    expect(Object.keys(list!)).toEqual(['friendships']);
    expect(list!.friendships[0]).not.toHaveProperty('since');
    expect(list!.friendships[0]!.me).not.toHaveProperty('mood');
  });

  it('still refuses what it knows and is wrong', () => {
    const reader = tolerantReader(Me);
    expect(reader.read({ ...child, childId: 'nope' })).toBeUndefined();
    expect(reader.problem({ ...child, childId: 'nope' })).not.toBe('value is not valid');
    expect(reader.read({ ...child, kind: 'robot' })).toBeUndefined();
  });

  it('reads a known frame with extra fields, and not a frame type it does not know', () => {
    const frames = tolerantReader(WsServerFrame);
    expect(frames.read({ type: 'sent', id: ID, at: 5, seq: 9 })).toEqual({ type: 'sent', id: ID, at: 5 });
    expect(frames.read({ type: 'typing', id: ID })).toBeUndefined();
  });

  it('finds the id an unreadable frame asks to be acknowledged with', () => {
    const envelope = tolerantReader(AnyServerFrame);
    const kind = envelope.read({ type: 'message', message: { id: ID, content: { kind: 'game-move' } } });
    expect(kind && unreadFrameId(kind)).toBe(ID);
    const type = envelope.read({ type: 'nudge', id: ID });
    expect(type && unreadFrameId(type)).toBe(ID);
    const none = envelope.read({ type: 'weather', id: 'sunny' });
    expect(none && unreadFrameId(none)).toBeUndefined();
  });
});
