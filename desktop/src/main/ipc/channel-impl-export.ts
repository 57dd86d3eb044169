import type { ExportChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

/** The family's export (issue 15 §4), spread into `channelImpl`. */
export function exportChannelImpl(s: Services): { readonly [K in ExportChannelName]: ChannelFn<K> } {
  return {
    exportChild: (a) => s.export.exportChild(a),
  };
}
