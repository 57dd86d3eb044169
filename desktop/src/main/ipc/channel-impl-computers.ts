import type { ComputersChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

/** The grown-up's own parent-mode computers (F18), spread into `channelImpl`. */
export function computersChannelImpl(s: Services): { readonly [K in ComputersChannelName]: ChannelFn<K> } {
  return {
    listParentComputers: () => s.family.listParentComputers(),
    signOutParentComputer: (a) => s.family.signOutParentComputer(a.sessionId),
  };
}
