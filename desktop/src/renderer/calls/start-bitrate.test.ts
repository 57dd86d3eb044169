import { describe, expect, it } from 'vitest';
import { START_BITRATE_KBPS, withStartBitrate } from './start-bitrate';

// The shape of Chromium's offer: audio, then video with VP8 (no fmtp), VP9, H264, AV1 and their
// retransmission formats, RED and FEC.
const offer = [
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0 1',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 63',
  'a=mid:0',
  'a=rtpmap:111 opus/48000/2',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  'a=rtpmap:63 red/48000/2',
  'a=fmtp:63 111/111',
  'm=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 100 101 45 46 116 117',
  'a=mid:1',
  'a=rtpmap:96 VP8/90000',
  'a=rtcp-fb:96 nack pli',
  'a=rtpmap:97 rtx/90000',
  'a=fmtp:97 apt=96',
  'a=rtpmap:98 VP9/90000',
  'a=fmtp:98 profile-id=0',
  'a=rtpmap:99 rtx/90000',
  'a=fmtp:99 apt=98',
  'a=rtpmap:100 H264/90000',
  'a=fmtp:100 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f',
  'a=rtpmap:101 rtx/90000',
  'a=fmtp:101 apt=100',
  'a=rtpmap:45 AV1/90000',
  'a=fmtp:45 level-idx=5;profile=0;tier=0',
  'a=rtpmap:46 rtx/90000',
  'a=fmtp:46 apt=45',
  'a=rtpmap:116 red/90000',
  'a=rtpmap:117 ulpfec/90000',
  '',
].join('\r\n');

const start = `x-google-start-bitrate=${START_BITRATE_KBPS}`;

describe('withStartBitrate (a call’s video starts from an estimate that fits its size)', () => {
  it('gives each video codec the start estimate, and nothing else', () => {
    const out = withStartBitrate(offer).split('\r\n');
    // VP8 had no fmtp line: one follows its rtpmap.
    expect(out[out.indexOf('a=rtpmap:96 VP8/90000') + 1]).toBe(`a=fmtp:96 ${start}`);
    expect(out).toContain(`a=fmtp:98 profile-id=0;${start}`);
    expect(out).toContain(`a=fmtp:100 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f;${start}`);
    expect(out).toContain(`a=fmtp:45 level-idx=5;profile=0;tier=0;${start}`);
    // Retransmission, RED, FEC and the audio are as they were.
    const changed = out.filter((l) => l.includes('x-google-start-bitrate'));
    expect(changed.map((l) => /^a=fmtp:(\d+)/.exec(l)?.[1])).toEqual(['96', '98', '100', '45']);
    const before = offer.split('\r\n');
    expect(out.filter((l) => !l.includes('x-google-start-bitrate'))).toEqual(
      before.filter((l) => !/^a=fmtp:(98|100|45) /.test(l)),
    );
  });

  it('leaves a codec that has a start estimate, keeps the line endings, and runs twice to the same result', () => {
    const once = withStartBitrate(offer);
    expect(withStartBitrate(once)).toBe(once);
    const unix = offer.replaceAll('\r\n', '\n');
    expect(withStartBitrate(unix)).toBe(once.replaceAll('\r\n', '\n'));
  });

  it('gives an audio-only description back unchanged', () => {
    const audio = offer.slice(0, offer.indexOf('m=video'));
    expect(withStartBitrate(audio)).toBe(audio);
  });

  it('never adds an fmtp line to a VP8 that has one', () => {
    const vp8WithFmtp = offer.replace('a=rtpmap:96 VP8/90000\r\n', 'a=rtpmap:96 VP8/90000\r\na=fmtp:96 max-fr=30\r\n');
    const out = withStartBitrate(vp8WithFmtp).split('\r\n');
    expect(out.filter((l) => l.startsWith('a=fmtp:96 '))).toEqual([`a=fmtp:96 max-fr=30;${start}`]);
  });
});
