import type { GrownupDeleteChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

/** "Delete my grown-up account" (spread into `channelImpl`): the pane's, and parent mode's as the open grown-up. */
export function grownupDeleteChannelImpl(s: Services): { readonly [K in GrownupDeleteChannelName]: ChannelFn<K> } {
  const d = s.grownUpDelete;
  return {
    previewMyGrownUpAccountDeletion: () => d.preview(),
    deleteMyGrownUpAccount: (a) => d.deleteMine(a),
    previewMyGrownUpAccountDeletionAsMe: (_a, child) => d.previewAsMe(child()),
    deleteMyGrownUpAccountAsMe: (a, child) => d.deleteMineAsMe(child(), a),
  };
}
