import { Done, NoArgs } from './models-app';
import {
  CallContact,
  CallContactArgs,
  CallIce,
  CallIceSignal,
  CallPresenceArgs,
  CallSession,
  IdentifyCallerArgs,
} from './models-calls';
import type { ChannelSpec } from './channels';

/**
 * The channels of 1:1 calls (the active profile only). Spread into HEARTH_CHANNELS; kept here so
 * the calls feature reads in one place.
 */
export const CALL_CHANNELS = {
  getCallSession: {
    access: 'profile',
    args: NoArgs,
    result: CallSession,
    summary: "A fresh signaling grant for the active profile's PeerJS client, and where the relay is",
  },
  getCallIce: {
    access: 'profile',
    args: NoArgs,
    result: CallIce,
    summary: 'ICE servers (fresh TURN credentials) and the transport policy for the next call',
  },
  getCallContact: {
    access: 'profile',
    args: CallContactArgs,
    result: CallContact,
    summary: 'An active, unblocked contact to dial, with their peer id (NOT_FOUND otherwise)',
  },
  identifyCaller: {
    access: 'profile',
    args: IdentifyCallerArgs,
    result: CallContact,
    summary: 'Who a peer id belongs to, if an active unblocked contact (FORBIDDEN otherwise: never ring)',
  },
  setCallPresence: {
    access: 'profile',
    args: CallPresenceArgs,
    result: Done,
    summary: 'Show friends that the active profile is in a call (or no longer)',
  },
  sendCallIce: {
    access: 'profile',
    args: CallIceSignal,
    result: Done,
    summary: "An ICE restart's offer or answer to the friend in a call, through the relay (issue 18)",
  },
} as const satisfies Record<string, ChannelSpec>;

/** The name of a calls channel. */
export type CallChannelName = keyof typeof CALL_CHANNELS;
