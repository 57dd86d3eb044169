import { createContext, useContext, useSyncExternalStore } from 'react';
import type { CallService } from './call-service';
import { IDLE_VIEW, type CallView } from './call-types';

/** The active profile's call service, or null while there is none (yet). */
export const CallsContext = createContext<CallService | null>(null);

/** The active profile's call service (inside the calls overlay: always there). */
export function useCallService(): CallService {
  const service = useContext(CallsContext);
  if (!service) throw new Error('useCallService needs a call service in CallsContext');
  return service;
}

const noService = (): (() => void) => () => undefined;
const idle = (): CallView => IDLE_VIEW;

/** The call's state, re-rendering on every change (idle while there is no service). */
export function useCallView(): CallView {
  const service = useContext(CallsContext);
  return useSyncExternalStore(service?.subscribe ?? noService, service?.view ?? idle);
}

/**
 * One fact of the call's state (`pick` returns a string, number or boolean), re-rendering only when
 * it changes: a component that needs, say, whether a call can be placed now is not drawn again at
 * every step of a call's setup (each such redraw sits on the main thread a call's setup shares).
 */
export function useCallViewOf<T extends string | number | boolean>(pick: (view: CallView) => T): T {
  const service = useContext(CallsContext);
  return useSyncExternalStore(service?.subscribe ?? noService, () => pick(service?.view() ?? IDLE_VIEW));
}

/** Which service is live now, shared between the slots that show calls (the buttons, the overlay). */
export type CallsRuntime = Readonly<{
  current: () => CallService | null;
  /** Makes `service` the live one; returns the function that retires it. */
  attach: (service: CallService) => () => void;
  subscribe: (listener: () => void) => () => void;
}>;

export function createCallsRuntime(): CallsRuntime {
  let current: CallService | null = null;
  const listeners = new Set<() => void>();
  const set = (next: CallService | null): void => {
    current = next;
    for (const l of [...listeners]) l();
  };
  return Object.freeze({
    current: () => current,
    attach(service: CallService): () => void {
      set(service);
      return () => {
        if (current === service) set(null);
      };
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
}
