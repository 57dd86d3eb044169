import { createContext, useContext, type ReactElement, type ReactNode } from 'react';
import type { Friend } from '@hearth/common';

/**
 * Places where other features plug into the kids' screens without these screens knowing them.
 * Calls (issue 6) put their call buttons in `callActions` and their ringing screen in `overlay`.
 */
export type ScreenSlots = Readonly<{
  /** Buttons shown for one contact: on the contact's card at home and in the chat's header. */
  callActions?: (contact: Friend, place: 'card' | 'chat') => ReactNode;
  /** Drawn above every screen while a profile is active (e.g. an incoming call). */
  overlay?: ReactNode;
}>;

const SlotsContext = createContext<ScreenSlots>({});

/** Provides the slots to the screens below. */
export function SlotsProvider({ slots, children }: Readonly<{ slots: ScreenSlots; children: ReactNode }>): ReactElement {
  return <SlotsContext.Provider value={slots}>{children}</SlotsContext.Provider>;
}

/** The slots other features filled in (empty by default). */
export function useSlots(): ScreenSlots {
  return useContext(SlotsContext);
}
