import {
  ErrorCode,
  HearthError,
  type LockStatus,
  type ParentAccount,
  type RegisterParentBody,
  type SessionGrant,
  type SignInBody,
} from '@hearth/common';
import type { Static } from 'typebox';
import type { ConsentList } from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { getEnrollment } from '../db/family/queries/enrollment';
import type { ParentLock, ParentSession } from '../lock/parent-lock';
import type { RelayHttp } from '../relay/relay-http';

export type ParentAccountService = Readonly<{
  register: (body: RegisterParentBody) => Promise<ParentAccount>;
  signIn: (body: SignInBody) => Promise<ParentAccount>;
  account: () => ParentAccount;
  consents: () => Promise<Static<typeof ConsentList>>;
  /** First run: the grown-ups' password, once a parent has signed in. */
  setPassword: (password: string) => Promise<LockStatus>;
  /** The in-memory parent session, or UNAUTHENTICATED. */
  requireSession: () => ParentSession;
  /** Runs a relay call with the parent session; forgets the session if the relay no longer knows it. */
  withSession: <T>(fn: (token: string, session: ParentSession) => Promise<T>) => Promise<T>;
}>;

/** The parent's relay account as the grown-ups' pane uses it. The session never leaves main. */
export function createParentAccountService(
  deps: Readonly<{ relay: RelayHttp; lock: ParentLock; familyDb: WritableDB }>,
): ParentAccountService {
  const toAccount = (s: ParentSession): ParentAccount => ({ parentId: s.parentId, displayName: s.displayName, email: s.email });

  const adopt = async (grant: SessionGrant): Promise<ParentAccount> => {
    const me = await deps.relay.me(grant.token);
    if (me.kind !== 'parent') throw new HearthError(ErrorCode.Internal, 'The server answered with a child account.');
    const enrollment = getEnrollment(deps.familyDb);
    if (enrollment && enrollment.parentId !== me.parentId) {
      await deps.relay.signOut(grant.token, grant.sessionId).catch(() => null);
      throw new HearthError(ErrorCode.Forbidden, 'This computer belongs to another grown-up’s family account.');
    }
    const session: ParentSession = {
      sessionId: grant.sessionId,
      token: grant.token,
      parentId: me.parentId,
      email: me.email,
      displayName: me.displayName,
      expiresAt: grant.expiresAt,
    };
    deps.lock.holdSession(session);
    return toAccount(session);
  };

  const requireSession = (): ParentSession => {
    const s = deps.lock.session();
    if (!s) throw new HearthError(ErrorCode.Unauthenticated, 'Please sign in with the grown-up’s Hearth account first.');
    return s;
  };

  async function withSession<T>(fn: (token: string, session: ParentSession) => Promise<T>): Promise<T> {
    const session = requireSession();
    try {
      return await fn(session.token, session);
    } catch (err) {
      if (err instanceof HearthError && err.code === ErrorCode.Unauthenticated) deps.lock.forgetSession();
      throw err;
    }
  }

  return Object.freeze({
    register: async (body: RegisterParentBody) => adopt(await deps.relay.registerParent(body)),
    signIn: async (body: SignInBody) => adopt(await deps.relay.signIn(body)),
    account: () => toAccount(requireSession()),
    requireSession,
    withSession,
    consents: () => withSession((token) => deps.relay.consents(token)),
    setPassword(password: string): Promise<LockStatus> {
      requireSession();
      return deps.lock.setPassword(password);
    },
  });
}
