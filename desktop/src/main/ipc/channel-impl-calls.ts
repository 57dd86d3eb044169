import type { CallChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

/** The calls channels (spread into `channelImpl`): all act as the active profile. */
export function callChannelImpl(s: Services): { readonly [K in CallChannelName]: ChannelFn<K> } {
  return {
    getCallSession: (_a, child) => s.calls.session(child()),
    getCallIce: (_a, child) => s.calls.ice(child()),
    getCallContact: (a, child) => s.calls.contact(child(), a.contactId),
    identifyCaller: (a, child) => s.calls.identify(child(), a.peerId),
    setCallPresence: (a, child) => s.calls.setInCall(child(), a.inCall),
    sendCallIce: (a, child) => s.calls.sendIce(child(), a),
  };
}
