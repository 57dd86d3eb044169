import { ErrorCode, HearthError, type ChannelAccess, type LockState } from '@hearth/common';

/** What decides whether a channel may run now. */
export type AccessState = Readonly<{ lock: LockState; parentSignedIn: boolean; activeChildId: string | null }>;

/**
 * Why a channel may not run now, or null when it may. Parent-only channels are refused with
 * LOCKED while the grown-ups' pane is locked, whatever the renderer sends.
 */
export function accessRefusal(access: ChannelAccess, state: AccessState): HearthError | null {
  const locked = (): HearthError => new HearthError(ErrorCode.Locked, "Ask a grown-up to unlock the grown-ups' pane.");
  switch (access) {
    case 'open':
      return null;
    case 'profile':
      return state.activeChildId === null ? new HearthError(ErrorCode.Forbidden, 'Pick who you are first.') : null;
    case 'first-run':
      if (state.lock === 'unset') return null;
      return state.lock === 'locked'
        ? locked()
        : new HearthError(ErrorCode.Conflict, 'Hearth is already set up on this computer.');
    case 'grown-up':
      return state.lock === 'locked' ? locked() : null;
    case 'parent':
      if (state.lock === 'locked') return locked();
      if (state.lock === 'unset' && !state.parentSignedIn) {
        return new HearthError(ErrorCode.Unauthenticated, 'A grown-up needs to sign in first.');
      }
      return null;
    default: {
      const never: never = access;
      throw new Error(`unknown access ${String(never)}`);
    }
  }
}
