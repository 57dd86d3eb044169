import type { MachinePolicyChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

/** The machine policy (issue 17), spread into `channelImpl`. */
export function machinePolicyChannelImpl(s: Services): { readonly [K in MachinePolicyChannelName]: ChannelFn<K> } {
  return {
    getMachinePolicy: () => s.machinePolicy.view(),
  };
}
