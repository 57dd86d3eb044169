import type { EventName, EventPayload } from '@hearth/common';
import type { EventHub } from './event-hub';

/** Sees every event about a child, whether or not that child's profile is active. */
export type ChildEventTap = <E extends EventName>(childId: string, event: E, payload: EventPayload<E>) => void;

/**
 * The hub as the relay connections get it: the same hub, with `tap` seeing each child's events
 * before the hub drops those of profiles that are not active (notifications and the grown-ups'
 * badge need them all).
 */
export function tapChildEvents(hub: EventHub, tap: ChildEventTap): EventHub {
  return Object.freeze({
    ...hub,
    emitForChild<E extends EventName>(childId: string, event: E, payload: EventPayload<E>): void {
      tap(childId, event, payload);
      hub.emitForChild(childId, event, payload);
    },
  });
}
