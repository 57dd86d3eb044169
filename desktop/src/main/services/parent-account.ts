import {
  ErrorCode,
  HearthError,
  type ChildId,
  type LockStatus,
  type ParentAccount,
  type NewParentAccount,
  type SessionGrant,
  type SignInCredentials,
} from '@hearth/common';
import type { Static } from 'typebox';
import type { ConsentList } from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { getEnrollment } from '../db/family/queries/enrollment';
import { listProfiles } from '../db/family/queries/profiles';
import { readSettings, writeSettings } from '../db/family/queries/settings';
import type { ParentLock, ParentSession } from '../lock/parent-lock';
import type { RelayHttp } from '../relay/relay-http';

export type ParentAccountService = Readonly<{
  register: (body: NewParentAccount) => Promise<ParentAccount>;
  /** Signs in for this family PC (the relay caps the session); the email is remembered here. */
  signIn: (body: SignInCredentials) => Promise<ParentAccount>;
  /**
   * Unlocks the pane at once with the Hearth account of the grown-up who enrolled this PC or owns
   * a profile on it (any other account is refused, and its new session ended, before the pane opens).
   */
  unlockWithAccount: (body: SignInCredentials) => Promise<LockStatus>;
  /** Signs in with a session the relay granted another way (an emailed code): as `signIn`. */
  signInWith: (grant: () => Promise<SessionGrant>) => Promise<ParentAccount>;
  /**
   * The password typed with this email at the registration or sign-in that the relay answered with
   * "check your email" (kept in memory 30 minutes): sent with the code, it becomes the account's
   * password, so a stranger who registered the same address meanwhile never chose it.
   */
  pendingPasswordFor: (email: string) => string | undefined;
  /** Unlocks the pane with a session the relay granted another way (a reset code): as `unlockWithAccount`. */
  unlockWith: (grant: () => Promise<SessionGrant>) => Promise<LockStatus>;
  /** The email this PC remembers for signing in, or null. */
  rememberedEmail: () => string | null;
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
/** The family-store setting that remembers the grown-up's Hearth email (never the password). */
const REMEMBERED_EMAIL = 'rememberedEmail';

/** The answer to a registration on a relay that verifies emails: the "Check your email" step. */
function checkEmail(email: string): HearthError {
  return new HearthError(ErrorCode.EmailNotVerified, 'We sent a code to this email: type it to finish.', { email });
}

export function createParentAccountService(
  deps: Readonly<{ relay: RelayHttp; lock: ParentLock; familyDb: WritableDB }>,
): ParentAccountService {
  const toAccount = (s: ParentSession): ParentAccount => ({ parentId: s.parentId, displayName: s.displayName, email: s.email });

  /**
   * Whether this grown-up enrolled this PC, owns a profile on it, or is a guardian of a child whose
   * profile is on it (the relay lists the children a grown-up guards; never a trusted grown-up's).
   */
  const ownsThisPc = async (parentId: string, token: string): Promise<boolean> => {
    if (getEnrollment(deps.familyDb)?.parentId === parentId) return true;
    const children = listProfiles(deps.familyDb).filter((p) => p.kind === 'child');
    if (children.some((p) => p.parentId === parentId)) return true;
    if (children.length === 0) return false;
    const guarded = new Set((await deps.relay.listChildren(token)).children.map((c) => c.childId));
    return children.some((p) => guarded.has(p.childId as ChildId));
  };

  const refuse = async (grant: SessionGrant): Promise<never> => {
    await deps.relay.signOut(grant.token, grant.sessionId).catch(() => null);
    throw new HearthError(ErrorCode.Forbidden, 'This computer belongs to another grown-up’s family account.');
  };

  /** Checks the new session's account; `mustOwn`: refused unless it owns this PC (else only a different enrolling parent is refused). */
  const verify = async (grant: SessionGrant, mustOwn: boolean): Promise<ParentSession> => {
    const me = await deps.relay.me(grant.token);
    if (me.kind !== 'parent') throw new HearthError(ErrorCode.Internal, 'The server answered with a child account.');
    // Without `mustOwn` (the pane already opened with its password) any account is welcome on a PC
    // nobody enrolled yet; on an enrolled one, only a grown-up of its children.
    const enrolled = getEnrollment(deps.familyDb) !== undefined;
    if ((mustOwn || enrolled) && !(await ownsThisPc(me.parentId, grant.token))) return refuse(grant);
    // The PC remembers its own grown-up's email, not that of another guardian who opened it once.
    const owner = getEnrollment(deps.familyDb)?.parentId;
    if (owner === undefined || owner === me.parentId) writeSettings(deps.familyDb, { [REMEMBERED_EMAIL]: me.email });
    return {
      sessionId: grant.sessionId,
      token: grant.token,
      parentId: me.parentId,
      email: me.email,
      displayName: me.displayName,
      expiresAt: grant.expiresAt,
    };
  };

  const adopt = async (grant: SessionGrant): Promise<ParentAccount> => {
    const session = await verify(grant, false);
    deps.lock.holdSession(session);
    return toAccount(session);
  };

  let pending: Readonly<{ emailKey: string; password: string; until: number }> | null = null;
  const PENDING_MS = 30 * 60_000;
  const rememberPending = (email: string, password: string): void => {
    pending = { emailKey: email.trim().toLowerCase(), password, until: Date.now() + PENDING_MS };
  };

  const signInForThisPc = async (body: SignInCredentials): Promise<SessionGrant> => {
    try {
      return await deps.relay.signIn({
        email: body.email,
        password: body.password,
        device: 'family-pc',
        ...(body.lang ? { lang: body.lang } : {}),
      });
    } catch (err) {
      if (err instanceof HearthError && err.code === ErrorCode.EmailNotVerified) rememberPending(body.email, body.password);
      throw err;
    }
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

  // Another guardian (not the grown-up who enrolled this PC) opened the pane with their account:
  // their session ends when it locks, so the pane's password never lends their account to anyone.
  let heldBy: string | null = null;
  deps.lock.onChange((status) => {
    if (status.state !== 'locked') {
      heldBy = deps.lock.session()?.parentId ?? null;
      return;
    }
    const owner = getEnrollment(deps.familyDb)?.parentId;
    const other = heldBy !== null && owner !== undefined && heldBy !== owner;
    heldBy = null;
    if (other) deps.lock.signOut();
  });

  return Object.freeze({
    async register(body: NewParentAccount): Promise<ParentAccount> {
      const answer = await deps.relay.registerParent({ ...body, device: 'family-pc' });
      // A relay with SMTP says "check your email" whether or not the address had an account; the
      // screens show the same "Check your email" step as for a sign-in refused this way.
      if ('status' in answer) {
        rememberPending(body.email, body.password);
        throw checkEmail(body.email);
      }
      return adopt(answer);
    },
    signIn: async (body: SignInCredentials) => adopt(await signInForThisPc(body)),
    async signInWith(grant: () => Promise<SessionGrant>): Promise<ParentAccount> {
      const account = await adopt(await grant());
      pending = null;
      return account;
    },
    pendingPasswordFor(email: string): string | undefined {
      const p = pending;
      if (!p || p.until < Date.now() || p.emailKey !== email.trim().toLowerCase()) return undefined;
      return p.password;
    },
    unlockWithAccount: (body: SignInCredentials) =>
      deps.lock.unlockWithSession(async () => verify(await signInForThisPc(body), true)),
    unlockWith: (grant: () => Promise<SessionGrant>) => deps.lock.unlockWithSession(async () => verify(await grant(), true)),
    rememberedEmail(): string | null {
      const stored = readSettings(deps.familyDb)[REMEMBERED_EMAIL];
      return typeof stored === 'string' ? stored : null;
    },
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
