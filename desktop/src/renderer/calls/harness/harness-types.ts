/** Tests and the benchmark only: what the calls harness page puts on `window`. */
import type { CallIce, CallSession } from '@hearth/common';
import type { CallService } from '../call-service';
import type { CallTransport } from '../call-transport';
import type { FrameWatch } from './frames';

export type CallHarness = {
  readonly service: CallService;
  /** Answer every call as soon as it rings. */
  autoAccept: boolean;
  /** Dials and resolves with the ms from the dial to the first remote video frame. */
  measureDial: (contactId: string) => Promise<number>;
  /** Counts the remote video's frames (requestVideoFrameCallback) from now on. */
  watchRemoteFrames: () => FrameWatch;
  /** Live remote tracks by kind. */
  remoteTracks: () => { kind: string; readyState: string; enabled: boolean; muted: boolean }[];
  /** How the current call's media travels. */
  transport: () => Promise<CallTransport | null>;
  /**
   * Stops this page's calls and dials `to` with a bare PeerJS client logged in with `session`:
   * what a stranger with a modified app could do. Resolves with what PeerJS reported first.
   */
  rawDial: (session: CallSession, ice: CallIce, to: string) => Promise<'peer-unavailable' | 'stream' | 'timeout'>;
};

export type BareHarness = {
  readonly ready: Promise<void>;
  measureDial: (peerId: string) => Promise<number>;
  hangUpAll: () => void;
};

declare global {
  interface Window {
    callHarness?: CallHarness;
    bareHarness?: BareHarness;
  }
}
