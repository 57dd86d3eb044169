import type { Static } from 'typebox';
import type { HEARTH_CHANNELS } from './channels';
import { CHANNEL_NAMES, type ChannelName } from './channels';
import type { EventName, EventPayload } from './events';
import type { IpcResult } from './result';

/** The arguments a channel takes. */
export type ChannelArgs<K extends ChannelName> = Static<(typeof HEARTH_CHANNELS)[K]['args']>;
/** What a successful call of a channel gives back. */
export type ChannelValue<K extends ChannelName> = Static<(typeof HEARTH_CHANNELS)[K]['result']>;

/** Removes a listener. */
export type Unsubscribe = () => void;

/** Channels whose argument object has no required field may be called without one. */
type Method<K extends ChannelName> =
  Record<string, never> extends ChannelArgs<K>
    ? (args?: ChannelArgs<K>) => Promise<IpcResult<ChannelValue<K>>>
    : (args: ChannelArgs<K>) => Promise<IpcResult<ChannelValue<K>>>;

/**
 * `window.hearth`: one method per channel (never rejects: failures are `{ ok: false }`), and
 * `on` to listen to main's events (returns the function that stops listening).
 */
export type HearthApi = { readonly [K in ChannelName]: Method<K> } & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => Unsubscribe;
};

/** What carries calls and events: Electron's IPC, the web host's WebSocket, or a test's direct call. */
export type HearthTransport = Readonly<{
  invoke: (channel: ChannelName, args: unknown) => Promise<IpcResult<unknown>>;
  subscribe: (event: EventName, listener: (payload: unknown) => void) => Unsubscribe;
}>;

/** The Electron IPC channel name of a contract channel. */
export function ipcChannelName(name: ChannelName): string {
  return `hearth:${name}`;
}

/** The Electron IPC channel name of an event. */
export function ipcEventName(name: EventName): string {
  return `hearth-event:${name}`;
}

/**
 * Builds `window.hearth` from the contract over any transport. Missing arguments become `{}`;
 * a transport failure becomes an `UNAVAILABLE` result rather than a rejection.
 */
export function createHearthClient(transport: HearthTransport): HearthApi {
  const api: Record<string, unknown> = {};
  for (const name of CHANNEL_NAMES) {
    api[name] = async (args?: unknown): Promise<IpcResult<unknown>> => {
      try {
        return await transport.invoke(name, args === undefined ? {} : args);
      } catch (err) {
        return {
          ok: false,
          error: { code: 'UNAVAILABLE', message: `Hearth could not reach its main process (${String(err)}).` },
        };
      }
    };
  }
  api.on = (event: EventName, listener: (payload: unknown) => void): Unsubscribe => transport.subscribe(event, listener);
  return Object.freeze(api) as unknown as HearthApi;
}
