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
import type { Store } from '../store/port';
import type { GrownUpRow } from './queries';
import { endEveryLinkOf, endFamilyLink, touchFamilyLink } from './links';
import { noticeGuardians } from './notices';
import { familyNoticeMail } from './mail';
import { ownChild } from '../accounts/service';
import { createBlobStoreFor } from '../attachments/blob-store';
import { confirmPassword } from './confirm-password';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now' | 'newId' | 'events' | 'mailer'>;

const NO_SUCH_GROWN_UP = 'No such grown-up for this child.';

/** `GET /v1/children/:id/grown-ups`: the child's guardians and trusted grown-ups, for a guardian of the child. */
export async function childGrownUps(ctx: Ctx, parentId: string, childId: string): Promise<ChildGrownUps> {
  const { store } = ctx;
  await ownChild({ store: store }, parentId, childId);
  const version = ctx.config.policyVersion;
  const guardians = await Promise.all(
    (await store.family.listGuardians(childId)).map(async (g) => ({
      parentId: g.parentId as ParentId,
      displayName: g.displayName,
      email: g.email,
      emailVerified: await store.family.isEmailVerified(g.parentId),
      accountCreatedAt: g.accountCreatedAt,
      guardianSince: g.since,
      consentsToCurrentPolicy: await store.family.consentStands(childId, g.parentId, version),
      me: g.parentId === parentId,
    })),
  );
  return {
    childId: childId as ChildId,
    guardians,
    trusted: await Promise.all((await store.family.listTrusted(childId)).map((t) => toTrusted(store, t))),
    covered: await store.family.isCovered(childId, version),
  };
}

async function toTrusted(store: Store, t: GrownUpRow): Promise<TrustedGrownUp> {
  return {
    parentId: t.parentId as ParentId,
    displayName: t.displayName,
    avatar: t.avatar as TrustedGrownUp['avatar'],
    emailVerified: await store.family.isEmailVerified(t.parentId),
    trustedSince: t.since,
  };
}

/**
 * Removes a guardian of a child, keeping at least one (LAST_GUARDIAN). Their family link ends
 * (their sockets and parent-mode PCs see the child go at once), the child's credentials on PCs
 * they enrolled are revoked and tombstoned with the wipe flag, their unanswered invitations for
 * the child are cancelled, and every guardian (the removed one too) is told. `byId`: the
 * guardian who did it, or null (the operator). No authorization here: callers check it.
 */
export async function removeGuardianUnchecked(ctx: Ctx, childId: string, targetId: string, byId: string | null): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const before = await tx.family.guardianIdsOf(childId);
    if (!before.includes(targetId)) throw new HearthError(ErrorCode.NotFound, NO_SUCH_GROWN_UP);
    if (before.length < 2) {
      throw new HearthError(ErrorCode.LastGuardian, 'A child always keeps one guardian. Add another before this one leaves.');
    }
    await tx.family.deleteGuardian(childId, targetId);
    await tx.grownUpInvites.cancelInvitesOf(targetId, childId);
    ctx.events.emit('familyChanged', { childIds: [childId] });
    const txCtx = { ...ctx, store: tx };
    await endFamilyLink(txCtx, childId, targetId);
    // F18: a PC that was off learns it too, and erases the child's data there (DEVICE_REVOKED with wipe).
    await tx.deviceTombstones.tombstoneChildCredentialsEnrolledBy(childId, targetId, true, ctx.now());
    for (const deviceId of await tx.family.revokeCredentialsEnrolledBy(childId, targetId, ctx.now())) {
      ctx.events.emit('credentialsRevoked', { childIds: [childId], deviceId });
    }
    await noticeGuardians(txCtx, { kind: 'guardian-removed', childId, byId, aboutId: targetId, recipients: before });
  });
}

/** A guardian removes another guardian of the child, or leaves themself. */
export async function removeGuardian(ctx: Ctx, parentId: string, childId: string, targetId: string): Promise<void> {
  await ownChild({ store: ctx.store }, parentId, childId);
  await removeGuardianUnchecked(ctx, childId, targetId, parentId);
}

/** Any guardian of the child removes a trusted grown-up, or the trusted grown-up leaves; at once. */
export async function removeTrusted(ctx: Ctx, parentId: string, childId: string, targetId: string): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const leaving = parentId === targetId && (await tx.family.isTrusted(childId, parentId));
    if (!leaving) await ownChild({ store: tx }, parentId, childId);
    if (!(await tx.family.deleteTrusted(childId, targetId))) throw new HearthError(ErrorCode.NotFound, NO_SUCH_GROWN_UP);
    const txCtx = { ...ctx, store: tx };
    await endFamilyLink(txCtx, childId, targetId);
    await noticeGuardians(txCtx, { kind: 'trusted-removed', childId, byId: parentId, aboutId: targetId });
  });
}

/** A guardian changes the picture the child sees for a trusted grown-up; pushed to the child at once. */
export async function updateTrusted(
  ctx: Ctx,
  parentId: string,
  childId: string,
  targetId: string,
  avatar: string | null,
): Promise<TrustedGrownUp> {
  return ctx.store.transaction(async (tx) => {
    await ownChild({ store: tx }, parentId, childId);
    if (!(await tx.family.updateTrustedAvatar(childId, targetId, avatar))) {
      throw new HearthError(ErrorCode.NotFound, NO_SUCH_GROWN_UP);
    }
    const row = (await tx.family.listTrusted(childId)).find((t) => t.parentId === targetId);
    if (!row) throw new HearthError(ErrorCode.NotFound, NO_SUCH_GROWN_UP);
    // The child (and the grown-up) see the new picture at once.
    await touchFamilyLink({ ...ctx, store: tx }, childId, targetId);
    return toTrusted(tx, row);
  });
}

/** A guardian gives (or renews) their own consent for the child, to the current policy version. */
export async function giveConsent(ctx: Ctx, parentId: string, childId: string, consent: ConsentInput): Promise<ConsentRecord> {
  if (consent.policyVersion !== ctx.config.policyVersion) {
    throw new HearthError(
      ErrorCode.PolicyVersionMismatch,
      `The privacy policy has changed (now ${ctx.config.policyVersion}). Please read it again and consent.`,
    );
  }
  return ctx.store.transaction(async (tx) => {
    await ownChild({ store: tx }, parentId, childId);
    const record = {
      consentId: ctx.newId(),
      parentId,
      childId,
      policyVersion: consent.policyVersion,
      method: consent.method,
      givenAt: ctx.now(),
    };
    await tx.accounts.insertConsent(record);
    ctx.events.emit('familyChanged', { childIds: [childId] });
    await noticeGuardians({ ...ctx, store: tx }, { kind: 'consent-given', childId, byId: parentId });
    return {
      ...record,
      parentId: parentId as ParentId,
      childId: childId as ChildId,
      method: consent.method,
    };
  });
}

/** Emails the other guardians, where the relay sends email. */
async function emailOthers(
  ctx: Ctx,
  recipients: readonly string[],
  byId: string,
  kind: 'child-deleted' | 'consent-withdrawn',
  childName: string,
): Promise<void> {
  if (!ctx.mailer.enabled) return;
  const byName = (await ctx.store.accounts.getParentById(byId))?.displayName ?? '?';
  for (const id of recipients) {
    if (id === byId) continue;
    const parent = await ctx.store.accounts.getParentById(id);
    if (parent) void ctx.mailer.send(familyNoticeMail(parent.email, kind, childName, byName));
  }
}

/**
 * A guardian withdraws their own consent for the child (the record stays, marked withdrawn).
 * While no guardian's consent stands the child reaches only its guardians. Every guardian is told.
 */
export async function withdrawConsent(ctx: Ctx, parentId: string, childId: string): Promise<void> {
  const result = await ctx.store.transaction(async (tx) => {
    const child = await ownChild({ store: tx }, parentId, childId);
    if ((await tx.family.withdrawConsents(childId, parentId, ctx.now())) === 0) return undefined;
    ctx.events.emit('familyChanged', { childIds: [childId] });
    await noticeGuardians({ ...ctx, store: tx }, { kind: 'consent-withdrawn', childId, byId: parentId });
    return { name: child.displayName, recipients: await tx.family.guardianIdsOf(childId) };
  });
  if (result) await emailOthers(ctx, result.recipients, parentId, 'consent-withdrawn', result.name);
}

/**
 * Any guardian deletes the child: every friendship and family link ends (pushed at once), its
 * devices' credentials go (sockets closed), and its account and messages are deleted. Consent
 * records and notices are kept. Reports the child made or that are about it go with it unless
 * they were forwarded to the moderators: those stay (with the child's name as it was) until the
 * retention sweep takes them (issue 15). Every guardian is told.
 */
export async function deleteChild(
  ctx: Ctx & Pick<RelayContext, 'hasher'>,
  parentId: string,
  childId: string,
  password: string,
): Promise<void> {
  await ownChild(ctx, parentId, childId);
  await confirmPassword(ctx, parentId, password);
  await deleteChildAs(ctx, childId, parentId);
}

/**
 * {@link deleteChild} by a guardian (`byId`, whose password was checked) or by the relay's operator
 * or moderators (null: no guardian check, the notices name nobody, no email names a deleter).
 */
export async function deleteChildAs(ctx: Ctx, childId: string, byId: string | null): Promise<void> {
  const parentId = byId;
  const result = await ctx.store.transaction(async (tx) => {
    const txCtx = { ...ctx, store: tx };
    const child =
      parentId === null
        ? ((await tx.accounts.getChild(childId)) ?? throwNoSuchChild())
        : await ownChild({ store: tx }, parentId, childId);
    const hashes = await tx.attachments.attachmentHashesOfAccount(childId);
    const recipients = await tx.family.guardianIdsOf(childId);
    await noticeGuardians(txCtx, { kind: 'child-deleted', childId, byId: parentId, recipients });
    // The friends' guardians are told their child lost a friend (by nobody they know).
    for (const row of await tx.friendships.listFriendshipsOf(childId)) {
      if (row.state.kind !== 'friend' || row.state.ended) continue;
      const friendId = row.aId === childId ? row.bId : row.aId;
      await noticeGuardians(txCtx, { kind: 'friend-removed', childId: friendId, byId: null, aboutId: childId });
    }
    await endEveryLinkOf(txCtx, childId);
    // Every PC the child is on learns it, even one that is off now (F18): the child is gone, so it erases.
    await tx.deviceTombstones.tombstoneChildCredentials(childId, true, ctx.now());
    // Reports the child made or that are about it go, unless forwarded to the moderators (issue 15).
    await tx.reports.deleteUnforwardedReportsOf(childId);
    await tx.family.deleteChildAccount(childId);
    // The files the child sent or was sent that nobody else needs go now, not at the next sweep.
    const orphans: string[] = [];
    for (const hash of hashes) if (await tx.attachments.deleteAttachmentIfOrphaned(hash)) orphans.push(hash);
    ctx.events.emit('credentialsRevoked', { childIds: [childId] });
    ctx.events.emit('familyChanged', { childIds: [childId] });
    return { name: child.displayName, recipients, orphans };
  });
  await removeBlobs(ctx, result.orphans);
  // Nothing of the child may be read back from the files (F12).
  await ctx.store.eraseDeleted();
  if (parentId !== null) await emailOthers(ctx, result.recipients, parentId, 'child-deleted', result.name);
}

function throwNoSuchChild(): never {
  throw new HearthError(ErrorCode.NotFound, 'No such child.');
}

/** Deletes the bytes of attachments whose rows went (unless the same bytes were uploaded again meanwhile). */
export async function removeBlobs(ctx: Pick<RelayContext, 'store' | 'config'>, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  const blobs = createBlobStoreFor(ctx.config, ctx.store);
  for (const hash of hashes) if (!(await ctx.store.attachments.getAttachment(hash))) await blobs.remove(hash);
}
