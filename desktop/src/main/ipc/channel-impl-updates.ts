import type { UpdateChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

/** Updates and how credentials are kept (issue 17 §3–4), spread into `channelImpl`. */
export function updatesChannelImpl(s: Services): { readonly [K in UpdateChannelName]: ChannelFn<K> } {
  return {
    getUpdateStatus: () => s.updates.status(),
    checkForUpdates: () => s.updates.check(),
    installUpdateNow: () => s.updates.installNow(),
    postponeUpdate: () => s.updates.postpone(),
    getCredentialProtection: () => s.credentials.state(),
  };
}
