import type { MySuspension } from '@hearth/common';

/**
 * Each child's suspension as the relay last said it (the `suspension` frame, F16), in memory only:
 * the relay says it again at every hello, and decides anyway.
 */
export type SuspensionTracker = Readonly<{
  set: (childId: string, state: MySuspension) => void;
  /** Not suspended until the relay says otherwise. */
  get: (childId: string) => MySuspension;
  isSuspended: (childId: string) => boolean;
  forget: (childId: string) => void;
}>;

const NOT_SUSPENDED: MySuspension = Object.freeze({ suspended: false, category: null });

export function createSuspensionTracker(): SuspensionTracker {
  const said = new Map<string, MySuspension>();
  return Object.freeze({
    set: (childId, state) => {
      said.set(childId, { suspended: state.suspended, category: state.suspended ? state.category : null });
    },
    get: (childId) => said.get(childId) ?? NOT_SUSPENDED,
    isSuspended: (childId) => said.get(childId)?.suspended === true,
    forget: (childId) => {
      said.delete(childId);
    },
  });
}
