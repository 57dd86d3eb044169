import type { WsCallIceRelayedFrame, WsClientFrame, WsPresenceState } from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import type { Logger } from '../logging/logger';
import type { EventHub } from '../services/event-hub';
import type { GamesInbound } from '../services/games';
import type { AttachmentTransfer } from './attachment-transfer';
import type { QuietTracker } from './quiet-tracker';
import type { SuspensionTracker } from './suspension-tracker';

/** What one child's connection shares with its inbound and outbound halves. */
export type ConnectionContext = Readonly<{
  childId: string;
  db: WritableDB;
  attachmentsDir: string;
  /** The child's device credential, read fresh (a re-enrollment replaces it). */
  token: () => string;
  blobs: AttachmentTransfer;
  events: EventHub;
  now: () => number;
  log: Logger;
  /** Sends a frame if the socket is open; false otherwise. */
  send: (frame: WsClientFrame) => boolean;
  /** Friends' presence as the relay last said. */
  presence: Map<string, WsPresenceState>;
  refreshContacts: () => Promise<void>;
  /**
   * Called on each `welcome`: a parent-mode profile makes its session a parent device, so the
   * relay delivers its messages here (idempotent; a child's credential is a device already).
   */
  becomeDevice: () => Promise<void>;
  /** Quiet time as the relay says it (issue 14). */
  quiet: QuietTracker;
  /** Whether Hearth's moderators paused this child (issue 15, F16); absent: never said. */
  suspension?: SuspensionTracker;
  /** The relay refused this credential for good (401 or 4401): was this PC signed out (F18)? */
  credentialRefused: () => void;
  /** Game moves and the games switch (issue 16); absent: not wired (moves are logged and dropped). */
  games?: GamesInbound;
  /** A friend's ICE restart for a call (issue 18); absent: not wired (dropped). */
  callIce?: (frame: WsCallIceRelayedFrame) => void;
  /** How long to wait for `sent` before sending the same message again. */
  ackTimeoutMs: number;
}>;
