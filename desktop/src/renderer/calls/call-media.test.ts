import type { MediaConnection } from 'peerjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preferRedundantAudio, redFirst } from './call-media';

const offer = [
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0 1',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126',
  'c=IN IP4 0.0.0.0',
  'a=mid:0',
  'a=rtpmap:111 opus/48000/2',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  'a=rtpmap:63 red/48000/2',
  'a=fmtp:63 111/111',
  'a=rtpmap:9 G722/8000',
  'm=video 9 UDP/TLS/RTP/SAVPF 96 97 63',
  'a=mid:1',
  'a=rtpmap:96 VP8/90000',
  'a=rtpmap:97 rtx/90000',
  'a=rtpmap:63 red/90000',
  '',
].join('\r\n');

describe('redFirst (the offer’s audio with redundancy first)', () => {
  it('moves the audio section’s RED to the front of its list, and leaves everything else as it was', () => {
    const out = redFirst(offer).split('\r\n');
    const before = offer.split('\r\n');
    expect(out.find((l) => l.startsWith('m=audio'))).toBe('m=audio 9 UDP/TLS/RTP/SAVPF 63 111 9 0 8 13 110 126');
    // The video's own RED (a different codec) is not touched, nor any other line.
    expect(out.find((l) => l.startsWith('m=video'))).toBe('m=video 9 UDP/TLS/RTP/SAVPF 96 97 63');
    expect(out.filter((l) => !l.startsWith('m=audio'))).toEqual(before.filter((l) => !l.startsWith('m=audio')));
  });

  it('gives an SDP without RED back unchanged, with either line ending', () => {
    const plain = offer.replace('a=rtpmap:63 red/48000/2\r\n', '').replace(' 63 9', ' 9');
    expect(redFirst(plain)).toBe(plain);
    const unix = offer.replaceAll('\r\n', '\n');
    expect(redFirst(unix)).toBe(redFirst(offer).replaceAll('\r\n', '\n'));
  });
});

describe('preferRedundantAudio (the audio transceivers prefer RED)', () => {
  const codecs = ['audio/opus', 'audio/red', 'audio/G722'].map((mimeType) => ({ mimeType, clockRate: 48_000 }));
  afterEach(() => vi.unstubAllGlobals());
  const connection = (set: (c: { mimeType: string }[]) => void): MediaConnection =>
    ({
      peerConnection: {
        getTransceivers: () => [
          { sender: { track: { kind: 'audio' } }, receiver: { track: { kind: 'audio' } }, setCodecPreferences: set },
          { sender: { track: null }, receiver: { track: { kind: 'video' } }, setCodecPreferences: set },
        ],
      },
    }) as unknown as MediaConnection;

  it('puts RED first on the audio transceiver only', () => {
    vi.stubGlobal('RTCRtpReceiver', { getCapabilities: () => ({ codecs }) });
    const set: string[][] = [];
    preferRedundantAudio(connection((c) => set.push(c.map((x) => x.mimeType))));
    expect(set).toEqual([['audio/red', 'audio/opus', 'audio/G722']]);
  });

  it('leaves the call alone where the browser has no RED, or will not take the preference', () => {
    vi.stubGlobal('RTCRtpReceiver', { getCapabilities: () => ({ codecs: codecs.filter((c) => c.mimeType !== 'audio/red') }) });
    const set: unknown[] = [];
    preferRedundantAudio(connection((c) => set.push(c)));
    expect(set).toEqual([]);
    vi.stubGlobal('RTCRtpReceiver', { getCapabilities: () => ({ codecs }) });
    expect(() =>
      preferRedundantAudio(
        connection(() => {
          throw new DOMException('no', 'InvalidModificationError');
        }),
      ),
    ).not.toThrow();
  });
});
