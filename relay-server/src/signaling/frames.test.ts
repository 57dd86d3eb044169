import { describe, expect, it } from 'vitest';
import { createFrameValidators, relayedFrame } from './frames';

describe('relayed frames', () => {
  it('put the relay-set src in front of the validated client text', () => {
    const frame = {
      type: 'CANDIDATE',
      dst: 'b1',
      payload: { candidate: { candidate: 'c' }, type: 'data', connectionId: 'dc_x' },
    };
    for (const text of [JSON.stringify(frame), `  \n${JSON.stringify(frame, null, 2)}`]) {
      expect(JSON.parse(relayedFrame(text, 'a1'))).toEqual({ src: 'a1', ...frame });
    }
  });
});

describe('frame validators', () => {
  const v = createFrameValidators();

  it('refuse a client-supplied src, unknown types and unknown fields', () => {
    const candidate = {
      type: 'CANDIDATE',
      dst: 'b1',
      payload: { candidate: { candidate: 'c' }, type: 'data', connectionId: 'dc_x' },
    };
    expect(v.frame('CANDIDATE')?.(candidate)).toBe(true);
    expect(v.frame('CANDIDATE')?.({ ...candidate, src: 'forged' })).toBe(false);
    expect(v.frame('CANDIDATE')?.({ ...candidate, payload: { ...candidate.payload, extra: 1 } })).toBe(false);
    // A raw `__proto__` key is an own property after JSON.parse, and an unknown field like any other.
    expect(v.frame('HEARTBEAT')?.(JSON.parse('{"type":"HEARTBEAT","__proto__":{"x":1}}'))).toBe(false);
    expect(v.frame('LEAVE')).toBeUndefined();
    expect(v.frame(42)).toBeUndefined();
  });

  it('accept the query peerjs@1.5.5 sends and nothing looser', () => {
    const query = { key: 'peerjs', id: 'abc123', token: `sg_${'a'.repeat(43)}`, version: '1.5.5' };
    expect(v.query(query)).toBe(true);
    expect(v.query({ ...query, id: 'a/b' })).toBe(false);
    expect(v.query({ ...query, token: 'short' })).toBe(false);
    expect(v.query({ key: 'peerjs', id: 'abc' })).toBe(false);
  });
});
