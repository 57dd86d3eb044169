import { describe, expect, it } from 'vitest';
import type { ClientFrame } from '@hearth/common';
import { checkedText, createFrameValidators, keysInText, relayedFrame } from './frames';

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

  it('count the keys of a JSON text, not the colons in its strings', () => {
    expect(keysInText('{"a":1,"b":{"c":[{"d":"x:y"}],"e":"\\":"}}')).toBe(5);
    expect(keysInText('{ "a" : "say \\"hi\\": ok" , "b" :[ 1 , { } ] }')).toBe(2);
    expect(keysInText('[]')).toBe(0);
  });

  it('forward the client text only where it is exactly what was checked, never a key given twice', () => {
    const frame = {
      type: 'OFFER',
      dst: 'b1',
      payload: { sdp: { type: 'offer', sdp: 'v=0' }, type: 'media', connectionId: 'mc_x' },
    } as unknown as ClientFrame;
    const text = JSON.stringify(frame);
    expect(checkedText(text, frame)).toBe(text);
    expect(checkedText(JSON.stringify(frame, null, 1), frame)).toBe(JSON.stringify(frame, null, 1));
    const unchecked = '{"evil":true,"sdp":{"type":"offer","sdp":"AAAA"}}';
    const payloadAt = text.indexOf('"payload":');
    for (const twice of [
      // The same key twice, the first never checked: at the top, inside, and with space before its colon.
      `${text.slice(0, payloadAt)}"payload":${unchecked},${text.slice(payloadAt)}`,
      `${text.slice(0, -1)},"dst" : "someone-else"}`,
      text.replace('"type":"media"', '"type" :"data","type":"media"'),
    ]) {
      const parsed = JSON.parse(twice) as ClientFrame;
      const sent = checkedText(twice, parsed);
      expect(sent).toBe(JSON.stringify(parsed));
      expect(sent).not.toContain('evil');
      expect(sent).not.toContain('"data"');
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
