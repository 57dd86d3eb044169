import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '@hearth/common';
import { useHearth } from './hearth-context';

/** Listens to one of main's events while the component is mounted. */
export function useHearthEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const hearth = useHearth();
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => hearth.on(event, (payload) => ref.current(payload)), [hearth, event]);
}
