import {
  ErrorCode,
  HearthError,
  type ChildGrownUps,
  type ChildId,
  type ConsentInput,
  type ConsentRecord,
  type ParentId,
  type TrustedGrownUp,
} from '@hearth/common';
import type { RelayContext } from '../context';
import { ownChildOnDb as ownChild } from '../accounts/service';
import { getParentById, insertConsent } from '../accounts/queries';
import {
  consentStands,
  deleteGuardian,
  deleteTrusted,
  guardianIdsOf,
  isCovered,
  isEmailVerified,
  isTrusted,
  listGuardians,
  listTrusted,
  updateTrustedAvatar,
  withdrawConsents,
} from './queries';
import { endEveryLinkOf, endFamilyLink, touchFamilyLink } from './links';
import { noticeGuardians } from './notices';
import { familyNoticeMail } from './mail';
import { cancelInvitesOf } from './invite-queries';
import { listFriendshipsOf } from '../friendships/queries';

type Ctx = Pick<RelayContext, 'db' | 'config' | 'now' | 'newId' | 'events' | 'mailer'>;

const NO_SUCH_GROWN_UP = 'No such grown-up for this child.';

/** `GET /v1/children/:id/grown-ups`: the child's guardians and trusted grown-ups, for a guardian of the child. */
export function childGrownUps(ctx: Ctx, parentId: string, childId: string): ChildGrownUps {
  ownChild(ctx, parentId, childId);
  const version = ctx.config.policyVersion;
  return {
    childId: childId as ChildId,
    guardians: listGuardians(ctx.db, childId).map((g) => ({
      parentId: g.parentId as ParentId,
      displayName: g.displayName,
      email: g.email,
      emailVerified: isEmailVerified(ctx.db, g.parentId),
      accountCreatedAt: g.accountCreatedAt,
      guardianSince: g.since,
      consentsToCurrentPolicy: consentStands(ctx.db, childId, g.parentId, version),
      me: g.parentId === parentId,
    })),
    trusted: listTrusted(ctx.db, childId).map((t) => toTrusted(ctx, t)),
    covered: isCovered(ctx.db, childId, version),
  };
}

function toTrusted(ctx: Ctx, t: ReturnType<typeof listTrusted>[number]): TrustedGrownUp {
  return {
    parentId: t.parentId as ParentId,
    displayName: t.displayName,
    avatar: t.avatar as TrustedGrownUp['avatar'],
    emailVerified: isEmailVerified(ctx.db, t.parentId),
    trustedSince: t.since,
  };
}

/**
 * Removes a guardian of a child, keeping at least one (LAST_GUARDIAN). Their family link ends
 * (their sockets and parent-mode PCs see the child go at once), the child's credentials on PCs
 * they enrolled are revoked, their unanswered invitations for the child are cancelled, and every
 * guardian (the removed one too) is told. `byId`: the
 * guardian who did it, or null (the operator). No authorization here: callers check it.
 */
export function removeGuardianUnchecked(ctx: Ctx, childId: string, targetId: string, byId: string | null): void {
  ctx.db.transaction(() => {
    const before = guardianIdsOf(ctx.db, childId);
    if (!before.includes(targetId)) throw new HearthError(ErrorCode.NotFound, NO_SUCH_GROWN_UP);
    if (before.length < 2) {
      throw new HearthError(ErrorCode.LastGuardian, 'A child always keeps one guardian. Add another before this one leaves.');
    }
    deleteGuardian(ctx.db, childId, targetId);
    cancelInvitesOf(ctx.db, targetId, childId);
    ctx.events.emit('familyChanged', { childIds: [childId] });
    endFamilyLink(ctx, childId, targetId);
    const devices = ctx.db
      .prepare(
        `UPDATE device_credentials SET revoked_at = ? WHERE child_id = ? AND revoked_at IS NULL
           AND device_id IN (SELECT id FROM devices WHERE parent_id = ?) RETURNING device_id AS deviceId`,
      )
      .all(ctx.now(), childId, targetId) as { deviceId: string }[];
    for (const { deviceId } of devices) ctx.events.emit('credentialsRevoked', { childIds: [childId], deviceId });
    noticeGuardians(ctx, { kind: 'guardian-removed', childId, byId, aboutId: targetId, recipients: before });
  })();
}

/** A guardian removes another guardian of the child, or leaves themself. */
export function removeGuardian(ctx: Ctx, parentId: string, childId: string, targetId: string): void {
  ownChild(ctx, parentId, childId);
  removeGuardianUnchecked(ctx, childId, targetId, parentId);
}

/** Any guardian of the child removes a trusted grown-up, or the trusted grown-up leaves; at once. */
export function removeTrusted(ctx: Ctx, parentId: string, childId: string, targetId: string): void {
  ctx.db.transaction(() => {
    const leaving = parentId === targetId && isTrusted(ctx.db, childId, parentId);
    if (!leaving) ownChild(ctx, parentId, childId);
    if (!deleteTrusted(ctx.db, childId, targetId)) throw new HearthError(ErrorCode.NotFound, NO_SUCH_GROWN_UP);
    endFamilyLink(ctx, childId, targetId);
    noticeGuardians(ctx, { kind: 'trusted-removed', childId, byId: parentId, aboutId: targetId });
  })();
}

/** A guardian changes the picture the child sees for a trusted grown-up; pushed to the child at once. */
export function updateTrusted(
  ctx: Ctx,
  parentId: string,
  childId: string,
  targetId: string,
  avatar: string | null,
): TrustedGrownUp {
  return ctx.db.transaction(() => {
    ownChild(ctx, parentId, childId);
    if (!updateTrustedAvatar(ctx.db, childId, targetId, avatar)) throw new HearthError(ErrorCode.NotFound, NO_SUCH_GROWN_UP);
    const row = listTrusted(ctx.db, childId).find((t) => t.parentId === targetId);
    if (!row) throw new HearthError(ErrorCode.NotFound, NO_SUCH_GROWN_UP);
    // The child (and the grown-up) see the new picture at once.
    touchFamilyLink(ctx, childId, targetId);
    return toTrusted(ctx, row);
  })();
}

/** A guardian gives (or renews) their own consent for the child, to the current policy version. */
export function giveConsent(ctx: Ctx, parentId: string, childId: string, consent: ConsentInput): ConsentRecord {
  if (consent.policyVersion !== ctx.config.policyVersion) {
    throw new HearthError(
      ErrorCode.PolicyVersionMismatch,
      `The privacy policy has changed (now ${ctx.config.policyVersion}). Please read it again and consent.`,
    );
  }
  return ctx.db.transaction(() => {
    ownChild(ctx, parentId, childId);
    const record = {
      consentId: ctx.newId(),
      parentId,
      childId,
      policyVersion: consent.policyVersion,
      method: consent.method,
      givenAt: ctx.now(),
    };
    insertConsent(ctx.db, record);
    ctx.events.emit('familyChanged', { childIds: [childId] });
    noticeGuardians(ctx, { kind: 'consent-given', childId, byId: parentId });
    return {
      ...record,
      parentId: parentId as ParentId,
      childId: childId as ChildId,
      method: consent.method,
    };
  })();
}

/** Emails the other guardians, where the relay sends email. */
function emailOthers(
  ctx: Ctx,
  recipients: readonly string[],
  byId: string,
  kind: 'child-deleted' | 'consent-withdrawn',
  childName: string,
): void {
  if (!ctx.mailer.enabled) return;
  const byName = getParentById(ctx.db, byId)?.displayName ?? '?';
  for (const id of recipients) {
    if (id === byId) continue;
    const parent = getParentById(ctx.db, id);
    if (parent) void ctx.mailer.send(familyNoticeMail(parent.email, kind, childName, byName));
  }
}

/**
 * A guardian withdraws their own consent for the child (the record stays, marked withdrawn).
 * While no guardian's consent stands the child reaches only its guardians. Every guardian is told.
 */
export function withdrawConsent(ctx: Ctx, parentId: string, childId: string): void {
  const result = ctx.db.transaction(() => {
    const child = ownChild(ctx, parentId, childId);
    if (withdrawConsents(ctx.db, childId, parentId, ctx.now()) === 0) return undefined;
    ctx.events.emit('familyChanged', { childIds: [childId] });
    noticeGuardians(ctx, { kind: 'consent-withdrawn', childId, byId: parentId });
    return { name: child.displayName, recipients: guardianIdsOf(ctx.db, childId) };
  })();
  if (result) emailOthers(ctx, result.recipients, parentId, 'consent-withdrawn', result.name);
}

/**
 * Any guardian deletes the child: every friendship and family link ends (pushed at once), its
 * devices' credentials go (sockets closed), and its account and messages are deleted. Consent
 * records and notices are kept. Every guardian is told.
 */
export function deleteChild(ctx: Ctx, parentId: string, childId: string): void {
  const result = ctx.db.transaction(() => {
    const child = ownChild(ctx, parentId, childId);
    const recipients = guardianIdsOf(ctx.db, childId);
    noticeGuardians(ctx, { kind: 'child-deleted', childId, byId: parentId, recipients });
    // The friends' guardians are told their child lost a friend (by nobody they know).
    for (const row of listFriendshipsOf(ctx.db, childId)) {
      if (row.state.kind !== 'friend' || row.state.ended) continue;
      const friendId = row.aId === childId ? row.bId : row.aId;
      noticeGuardians(ctx, { kind: 'friend-removed', childId: friendId, byId: null, aboutId: childId });
    }
    endEveryLinkOf(ctx, childId);
    ctx.db.prepare(`DELETE FROM accounts WHERE id = ?`).run(childId);
    ctx.events.emit('credentialsRevoked', { childIds: [childId] });
    ctx.events.emit('familyChanged', { childIds: [childId] });
    return { name: child.displayName, recipients };
  })();
  emailOthers(ctx, result.recipients, parentId, 'child-deleted', result.name);
}
