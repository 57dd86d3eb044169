import {
  ErrorCode,
  HearthError,
  type ChildId,
  type ConsentHistory,
  type ConsentInput,
  type ConsentRecord,
  type ParentId,
  type PolicyLanguage,
  type PolicyReview,
} from '@hearth/common';
import type { RelayContext } from '../context';
import type { Store } from '../store/port';
import { ownChild } from '../accounts/service';
import { noticeGuardians } from '../family/notices';

type Ctx = Pick<RelayContext, 'store' | 'config' | 'now' | 'newId' | 'events' | 'consent'>;

const RECONSENT =
  'The privacy policy has changed. Please read what changed and consent again before adding a child or approving a friend.';

/**
 * Refuses with RECONSENT_REQUIRED when this guardian's consent to an earlier policy version
 * stands for one of their children and they have not consented to the current one (F15): no new
 * children and no friend approvals until they do. A guardian who never consented (a co-guardian
 * who joined without it) is not asked here.
 */
export async function requireCurrentConsent(store: Store, version: string, parentId: string): Promise<void> {
  if ((await store.policies.childrenAwaitingReconsent(parentId, version)).length > 0) {
    throw new HearthError(ErrorCode.ReconsentRequired, RECONSENT);
  }
}

/** `GET /v1/policy-review`: what changed, and which of the guardian's children wait for their consent. */
export async function policyReview(
  ctx: Ctx,
  parentId: string,
  lang: PolicyLanguage,
  changes: (lang: PolicyLanguage) => string,
): Promise<PolicyReview> {
  const ids = await ctx.store.policies.childrenAwaitingReconsent(parentId, ctx.consent.version);
  const children = [];
  for (const id of ids) {
    const name = await ctx.store.family.displayNameOf(id);
    if (name !== undefined) children.push({ childId: id as ChildId, displayName: name });
  }
  return {
    version: ctx.consent.version,
    lang,
    changes: changes(lang),
    firstServedAt: ctx.consent.publishedAt,
    graceEndsAt: ctx.consent.graceEndsAt,
    children,
  };
}

/**
 * `POST /v1/policy-review/consent`: one consent action of the guardian records one consent per
 * child that waits for it (who, when, how, which version); every guardian of each child is told,
 * and the children's held messages go out at once.
 */
export async function reconsentAll(ctx: Ctx, parentId: string, consent: ConsentInput): Promise<ConsentRecord[]> {
  if (consent.policyVersion !== ctx.consent.version) {
    throw new HearthError(
      ErrorCode.PolicyVersionMismatch,
      `The privacy policy has changed (now ${ctx.consent.version}). Please read it again and consent.`,
    );
  }
  return ctx.store.transaction(async (tx) => {
    const at = ctx.now();
    const records: ConsentRecord[] = [];
    for (const childId of await tx.policies.childrenAwaitingReconsent(parentId, consent.policyVersion)) {
      const record = {
        consentId: ctx.newId(),
        parentId,
        childId,
        policyVersion: consent.policyVersion,
        method: consent.method,
        givenAt: at,
      };
      await tx.accounts.insertConsent(record);
      await noticeGuardians({ ...ctx, store: tx }, { kind: 'consent-given', childId, byId: parentId });
      records.push({ ...record, parentId: parentId as ParentId, childId: childId as ChildId });
    }
    if (records.length > 0) ctx.events.emit('familyChanged', { childIds: records.map((r) => r.childId) });
    return records;
  });
}

/** `GET /v1/children/:id/consent-history`: every consent record of the child, for a guardian of the child. */
export async function consentHistoryOf(ctx: Pick<Ctx, 'store'>, parentId: string, childId: string): Promise<ConsentHistory> {
  await ownChild({ store: ctx.store }, parentId, childId);
  const rows = await ctx.store.policies.consentHistory(childId);
  return {
    childId: childId as ChildId,
    entries: rows.map((r) => ({
      consentId: r.consentId,
      parentId: r.parentId as ParentId,
      displayName: r.displayName,
      policyVersion: r.policyVersion,
      method: r.method as ConsentRecord['method'],
      givenAt: r.givenAt,
      withdrawnAt: r.withdrawnAt,
    })),
  };
}
