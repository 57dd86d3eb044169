import type { Peer as PeerType, PeerOptions } from 'peerjs';
import type { SignalingGrant } from '@hearth/common';

/** The peerjs module, loaded after the WebRTC globals are in place (tests only). */
export type PeerCtor = typeof PeerType;

/** A PeerJS client pointed at a local relay with a relay-issued grant; never the PeerJS cloud. */
export function peerOptions(port: number, grant: SignalingGrant, extra: Partial<PeerOptions> = {}): PeerOptions {
  return {
    host: '127.0.0.1',
    port,
    path: grant.path,
    key: grant.key,
    token: grant.token,
    secure: false,
    debug: 0,
    config: { iceServers: [] },
    ...extra,
  };
}

/** The few `@roamhq/wrtc` media pieces the media-call tests use. */
export type WrtcMedia = Readonly<{
  /** A live video track fed with grey frames until `stop()`. */
  videoStream(): Readonly<{ stream: MediaStreamLike; stop(): void }>;
  /** Resolves on the first decoded frame of a remote stream's video track. */
  firstFrame(stream: MediaStreamLike): Promise<Readonly<{ width: number; height: number }>>;
}>;

export type MediaStreamLike = Readonly<{ getVideoTracks(): unknown[]; getTracks(): unknown[] }>;

type VideoFrame = { width: number; height: number; data: Uint8ClampedArray };
type Wrtc = {
  RTCPeerConnection: unknown;
  RTCSessionDescription: unknown;
  RTCIceCandidate: unknown;
  MediaStream: new (tracks: unknown[]) => MediaStreamLike;
  nonstandard: {
    RTCVideoSource: new () => { createTrack(): { stop(): void }; onFrame(frame: VideoFrame): void };
    RTCVideoSink: new (track: unknown) => { onframe: ((e: { frame: VideoFrame }) => void) | null; stop(): void };
  };
};

/**
 * Puts `@roamhq/wrtc`'s WebRTC (libwebrtc, the engine Chromium runs, with media tracks and a video
 * sink) and `ws` onto globalThis, as PeerJS expects a browser, then loads the unmodified peerjs
 * client. Tests only; each Vitest file runs in its own process.
 *
 * Not node-datachannel: its polyfill starts gathering ICE candidates when the data channel is
 * created, before PeerJS has sent the OFFER, and the relay drops a CANDIDATE whose connection no
 * OFFER opened; under load a call then never connected (CI, 2026-11-29). A browser gathers only
 * after setLocalDescription, and PeerJS sends the OFFER first.
 */
export async function loadPeerJs(): Promise<Readonly<{ Peer: PeerCtor; media: WrtcMedia }>> {
  const wrtc = ((await import('@roamhq/wrtc')) as unknown as { default: Wrtc }).default;
  const { WebSocket } = await import('ws');
  Object.assign(globalThis, {
    RTCPeerConnection: wrtc.RTCPeerConnection,
    RTCSessionDescription: wrtc.RTCSessionDescription,
    RTCIceCandidate: wrtc.RTCIceCandidate,
    MediaStream: wrtc.MediaStream,
    WebSocket,
  });
  const media: WrtcMedia = {
    videoStream() {
      const source = new wrtc.nonstandard.RTCVideoSource();
      const track = source.createTrack();
      const width = 320;
      const height = 240;
      const frame = { width, height, data: new Uint8ClampedArray(width * height * 1.5).fill(128) };
      const timer = setInterval(() => source.onFrame(frame), 33);
      return {
        stream: new wrtc.MediaStream([track]),
        stop: () => {
          clearInterval(timer);
          track.stop();
        },
      };
    },
    firstFrame(stream) {
      const sink = new wrtc.nonstandard.RTCVideoSink(stream.getVideoTracks()[0]);
      return new Promise((resolve) => {
        sink.onframe = ({ frame }) => {
          sink.onframe = null;
          sink.stop();
          resolve({ width: frame.width, height: frame.height });
        };
      });
    },
  };
  return { Peer: (await import('peerjs')).Peer, media };
}
