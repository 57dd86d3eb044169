import { createHash, randomBytes } from 'node:crypto';
import { ErrorCode, HearthError } from '@hearth/common';
import type { RelayContext } from '../context';
import type { ModeratorRow } from './queries';
import { normalizeEmail } from './emails';
import { backoffMs, SIGN_IN_FAILURES_FORGOTTEN_AFTER_MS } from '../accounts/service';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now' | 'newId' | 'hasher'>;

/** A moderator session lasts a working day. */
export const MODERATOR_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Moderator tokens have their own prefix: no family route knows it, and `/admin/v1` knows only it. */
export const MODERATOR_TOKEN_PREFIX = 'md_';

export const newModeratorToken = (): string => `${MODERATOR_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** Sign-in failures share the relay's table (kept one day), under their own key space. */
const failureKey = (email: string): string => `moderator:${normalizeEmail(email)}`;

export type Moderator = Readonly<{ id: string; email: string; displayName: string }>;

/** `relay:admin create-moderator`: a new moderator (argon2id, the relay's hasher). CONFLICT when the email is taken. */
export async function createModerator(
  ctx: Ctx,
  input: Readonly<{ email: string; displayName: string; password: string }>,
): Promise<Moderator> {
  const email = normalizeEmail(input.email);
  if (input.password.length < 10)
    throw new HearthError(ErrorCode.ValidationFailed, 'A moderator password has at least 10 characters.');
  if (await ctx.store.moderation.getModeratorByEmail(email)) {
    throw new HearthError(ErrorCode.Conflict, 'A moderator with this email exists.');
  }
  const passwordHash = await ctx.hasher.hash(input.password);
  const row: ModeratorRow = { id: ctx.newId(), email, displayName: input.displayName.trim(), passwordHash, createdAt: ctx.now() };
  await ctx.store.moderation.insertModerator(row);
  return { id: row.id, email, displayName: row.displayName };
}

/**
 * Checks a moderator's email and password (the API's sign-in and every acting CLI command).
 * Failures back off per email as a grown-up's sign-in does (RATE_LIMITED); an unknown email and a
 * wrong password answer alike (WRONG_PASSWORD) and take as long.
 */
export async function verifyModerator(ctx: Ctx, email: string, password: string): Promise<Moderator> {
  const key = failureKey(email);
  const now = ctx.now();
  // Failure streaks quiet for a day are forgotten, as for the grown-ups' sign-in.
  await ctx.store.sessions.deleteIdleSignInFailures(now - SIGN_IN_FAILURES_FORGOTTEN_AFTER_MS, now);
  const failures = await ctx.store.sessions.getSignInFailures(key);
  if (failures && failures.lockedUntil > now) {
    throw new HearthError(ErrorCode.RateLimited, 'Too many tries. Please wait a little and try again.', {
      retryAfterMs: failures.lockedUntil - now,
    });
  }
  const row = await ctx.store.moderation.getModeratorByEmail(normalizeEmail(email));
  const ok = row ? await ctx.hasher.verify(row.passwordHash, password) : (await ctx.hasher.verifyDummy(password), false);
  if (!ok || !row) {
    const count = (failures?.failures ?? 0) + 1;
    const wait = backoffMs(count, ctx.config.rateLimits.signInFailuresBeforeBackoff);
    await ctx.store.sessions.putSignInFailures(key, { failures: count, lockedUntil: ctx.now() + wait }, ctx.now());
    throw new HearthError(ErrorCode.WrongPassword, 'That email and password do not match a moderator.');
  }
  await ctx.store.sessions.clearSignInFailures(key);
  return { id: row.id, email: row.email, displayName: row.displayName };
}

/** `POST /admin/v1/sessions`: a moderator bearer token (stored only as its SHA-256). */
export async function startModeratorSession(
  ctx: Ctx,
  email: string,
  password: string,
): Promise<{ token: string; sessionId: string; moderatorId: string; expiresAt: number }> {
  const moderator = await verifyModerator(ctx, email, password);
  const token = newModeratorToken();
  const now = ctx.now();
  const sessionId = ctx.newId();
  await ctx.store.moderation.deleteDeadModeratorSessions(now);
  await ctx.store.moderation.insertModeratorSession({
    id: sessionId,
    moderatorId: moderator.id,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt: now + MODERATOR_SESSION_TTL_MS,
  });
  return { token, sessionId, moderatorId: moderator.id, expiresAt: now + MODERATOR_SESSION_TTL_MS };
}

export type ModeratorCaller = Readonly<{ moderatorId: string; sessionId: string }>;

/** The moderator behind `Authorization: Bearer md_…`, if the session lives; never a family credential. */
export async function resolveModerator(
  ctx: Pick<RelayContext, 'store' | 'now'>,
  authorization: string | undefined,
): Promise<ModeratorCaller | undefined> {
  const match = /^Bearer +(md_[A-Za-z0-9_-]{16,128})$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const s = await ctx.store.moderation.getLiveModeratorSession(hashToken(match[1] as string), ctx.now());
  return s && { moderatorId: s.moderatorId, sessionId: s.id };
}
