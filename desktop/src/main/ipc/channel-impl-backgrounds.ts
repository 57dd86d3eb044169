import type { BackgroundChannelName } from '@hearth/common';
import type { ChannelFn } from './channel-impl';
import type { Services } from './services';

/** The call-background channels (spread into `channelImpl`): all act as the active profile. */
export function backgroundChannelImpl(s: Services): { readonly [K in BackgroundChannelName]: ChannelFn<K> } {
  return {
    listMyBackgrounds: (_a, child) => s.backgrounds.list(child()),
    addMyBackground: (a, child) => s.backgrounds.add(child(), a.dataBase64),
    readMyBackground: (a, child) => s.backgrounds.read(child(), a.id),
    deleteMyBackground: (a, child) => s.backgrounds.remove(child(), a.id),
    setMyBackground: (a, child) => s.backgrounds.choose(child(), a.choice),
  };
}
