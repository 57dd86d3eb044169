import type { PresenceState } from '@hearth/common';

/** What the services need from the relay connections (implemented by relay/relay-sync.ts). */
export type SyncControl = Readonly<{
  /** Connects this child's socket (and keeps it connected) unless it already is. */
  start: (childId: string) => void;
  /** Disconnects this child's socket for good. */
  stop: (childId: string) => void;
  /** Something was queued: send what the outbox holds. */
  kick: (childId: string) => void;
  /** Asks the relay to take back one of this child's messages; false when the socket is not open. */
  unsend: (childId: string, messageId: string) => boolean;
  presenceOf: (childId: string, contactId: string) => PresenceState;
  /** Fetches the child's friendships from the relay into its store (throws when offline). */
  refreshContacts: (childId: string) => Promise<void>;
}>;

/** What the PC says about itself at enrollment (F18). */
export type DeviceInfoSource = () => Readonly<{
  os: string;
  osVersion?: string;
  appVersion: string;
  language: string;
  timeZone: string;
  /** Since 0.4.0: the machine policy's quiet-hours floor (issue 17). */
  quietFloor?: Readonly<{ start: string; end: string }>;
}>;
