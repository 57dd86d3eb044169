import type { EventName, EventPayload } from '@hearth/common';

/** A listener of every event that may reach the renderer. */
export type HubListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Main's events for the renderer. Events about a child pass only while that child's profile is
 * active, so one child never sees another's messages, friends or presence.
 */
export type EventHub = Readonly<{
  /** An event for whoever is at the PC (lock, profile). */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** An event about one child; dropped unless that child is the active profile. */
  emitForChild: <E extends EventName>(childId: string, event: E, payload: EventPayload<E>) => void;
  subscribe: (listener: HubListener) => () => void;
}>;

/** Builds the hub; `activeChildId` says which child's events may pass now. */
export function createEventHub(activeChildId: () => string | null): EventHub {
  const listeners = new Set<HubListener>();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const l of [...listeners]) l(event, payload);
  };
  return Object.freeze({
    emit,
    emitForChild<E extends EventName>(childId: string, event: E, payload: EventPayload<E>): void {
      if (activeChildId() === childId) emit(event, payload);
    },
    subscribe(listener: HubListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
}
