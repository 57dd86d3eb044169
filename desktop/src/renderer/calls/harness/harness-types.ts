/** Tests and the benchmark only: what the calls harness page puts on `window`. */
import type { CallIce, CallSession } from '@hearth/common';
import type { IceRestartLabReport } from './ice-restart-lab';
import type { CallService } from '../call-service';
import type { CallTransport } from '../call-transport';
import type { FrameWatch } from './frames';
import type { ReceivedAudio } from './received-audio';

export type CallHarness = {
  readonly service: CallService;
  /** Answer every call as soon as it rings. */
  autoAccept: boolean;
  /** Dials and resolves with the ms from the dial to the first remote video frame (marked `first-frame`). */
  measureDial: (contactId: string) => Promise<number>;
  /** This page's call setup marks (call-trace.ts) as wall-clock ms; `clear` forgets them after. */
  callTrace: (clear?: boolean) => { step: string; at: number }[];
  /** Counts the remote video's frames (requestVideoFrameCallback) from now on. */
  watchRemoteFrames: () => FrameWatch;
  /** Live remote tracks by kind. */
  remoteTracks: () => { kind: string; readyState: string; enabled: boolean; muted: boolean }[];
  /** How the current call's media travels. */
  transport: () => Promise<CallTransport | null>;
  /** The audio received so far (see received-audio.ts), or null where no call receives any. */
  receivedAudio: () => Promise<ReceivedAudio | null>;
  /** Every peer connection this page made, oldest first: its kind and states (for a failing test's log). */
  peerConnectionStates: () => string[];
  /** The video start estimates of the current call's descriptions, ours and the friend's (see received-audio.ts). */
  videoStartBitrates: () => { local: string[]; remote: string[] } | null;
  /**
   * Stops this page's calls and dials `to` with a bare PeerJS client logged in with `session`:
   * what a stranger with a modified app could do. Resolves with what PeerJS reported first.
   */
  rawDial: (session: CallSession, ice: CallIce, to: string) => Promise<'peer-unavailable' | 'stream' | 'timeout'>;
};

/**
 * The ICE settings the bare PeerJS page takes, the same shape Hearth gets from main (`CallIce`):
 * e.g. a loopback TURN with `iceTransportPolicy: 'relay'`. Default: no servers, every path.
 */
export type BareIce = Readonly<{
  iceServers: readonly Readonly<{ urls: readonly string[]; username?: string; credential?: string }>[];
  iceTransportPolicy?: RTCIceTransportPolicy;
}>;

/** What the bench or a test gives the bare page (`?mode=bare&…`, see `bareHarnessQuery`). */
export type BareHarnessOptions = Readonly<{
  /** The official `peer` server. */
  host: string;
  port: number;
  /** This page's peer id. */
  id: string;
  ice?: BareIce;
}>;

/** The query string (with `?`) that opens the bare page with `options`. */
export function bareHarnessQuery(options: BareHarnessOptions): string {
  const q = new URLSearchParams({ mode: 'bare', host: options.host, port: String(options.port), id: options.id });
  if (options.ice) q.set('ice', JSON.stringify(options.ice));
  return `?${q.toString()}`;
}

/** The page's side of `bareHarnessQuery`'s `ice`: RTCPeerConnection's configuration (bad input throws). */
export function bareRtcConfigOf(raw: string | null): RTCConfiguration {
  if (raw === null) return { iceServers: [] };
  const ice = JSON.parse(raw) as Partial<BareIce>;
  if (!Array.isArray(ice.iceServers)) throw new Error('bare harness: `ice.iceServers` must be an array');
  const policy = ice.iceTransportPolicy;
  if (policy !== undefined && policy !== 'all' && policy !== 'relay') {
    throw new Error("bare harness: `ice.iceTransportPolicy` must be 'all' or 'relay'");
  }
  return {
    iceServers: ice.iceServers.map((s) => ({
      urls: [...s.urls],
      ...(s.username !== undefined ? { username: s.username } : {}),
      ...(s.credential !== undefined ? { credential: s.credential } : {}),
    })),
    ...(policy !== undefined ? { iceTransportPolicy: policy } : {}),
  };
}

export type BareHarness = {
  readonly ready: Promise<void>;
  measureDial: (peerId: string) => Promise<number>;
  hangUpAll: () => void;
  /** The same marks as `CallHarness.callTrace` where bare PeerJS has the step. */
  callTrace: (clear?: boolean) => { step: string; at: number }[];
};

declare global {
  interface Window {
    callHarness?: CallHarness;
    /** Tests only: the ICE restart between two connections in this page (`ice-restart-lab.ts`). */
    iceRestartLab?: () => Promise<IceRestartLabReport>;
    bareHarness?: BareHarness;
  }
}
