/** What the call service needs and what it offers the call UI. */
import type { GameEnvelope, HearthApi } from '@hearth/common';
import type { Peer, PeerOptions } from 'peerjs';
import type { CallTransport } from './call-transport';
import type { CallView, VideoProcessor } from './call-types';
import type { DeviceList, MediaAccess } from './media';
import type { SignalingBackoff } from './signaling';

export type CallServiceDeps = Readonly<{
  hearth: Pick<
    HearthApi,
    | 'getCallSession'
    | 'getCallIce'
    | 'getCallContact'
    | 'identifyCaller'
    | 'setCallPresence'
    | 'recordCall'
    | 'sendCallIce'
    | 'on'
  >;
  /** `new Peer(id, options)`; tests pass a fake. */
  createPeer: (id: string, options: PeerOptions) => Peer;
  media: MediaAccess;
  /** The active profile's bundled picture id, sent to the friend with a call. */
  myAvatar?: () => string | null;
  /** Failures for a log (the child sees the call's state instead). */
  onProblem?: (message: string, details?: unknown) => void;
  now?: () => number;
  backoff?: SignalingBackoff;
  /** How long the "call ended" screen stays, ms. Default 4000. */
  endedLingerMs?: number;
  /** Where the chosen camera and microphone are remembered. Default: nowhere. */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
}>;

/** A game move from the friend in the call (`contactId`: that friend, from this PC's contact list). */
export type GameMoveListener = (move: Readonly<{ contactId: string; callId: string; envelope: GameEnvelope }>) => void;

export type CallService = Readonly<{
  /** Connects to signaling: calls can now ring. */
  start: () => void;
  /** Hangs up and disconnects (profile left). */
  stop: () => void;
  view: () => CallView;
  subscribe: (listener: () => void) => () => void;
  dial: (contactId: string, options: Readonly<{ video: boolean }>) => Promise<void>;
  /** Answers the ringing call (`video: false` answers without the camera). */
  accept: (options?: Readonly<{ video?: boolean }>) => Promise<void>;
  decline: () => void;
  hangUp: () => void;
  /** Clears the "call ended" screen now. */
  dismiss: () => void;
  setMuted: (muted: boolean) => void;
  setCameraOff: (off: boolean) => void;
  listDevices: () => Promise<DeviceList>;
  chooseCamera: (deviceId: string | null) => Promise<void>;
  chooseMicrophone: (deviceId: string | null) => Promise<void>;
  /** The effects hook: what turns the camera into the sent video (null: the camera itself). */
  setVideoProcessor: (processor: VideoProcessor | null) => Promise<void>;
  /** Sends this track instead of the camera (null: the camera again). */
  setVideoSource: (track: MediaStreamTrack | null) => Promise<void>;
  /** How the current call's media travels (null when there is no connected call). */
  transport: () => Promise<CallTransport | null>;
  /**
   * Sends a game move (the envelope main returned for `via: 'call'`) to the friend on the call's
   * data channel. False when no call is going on (the move then waits in chat, where main sent its record).
   */
  sendGameMove: (envelope: GameEnvelope) => boolean;
  /** Hears the friend's game moves in the call going on: the sender is the call's friend, never a field. */
  onGameMove: (listener: GameMoveListener) => () => void;
}>;
