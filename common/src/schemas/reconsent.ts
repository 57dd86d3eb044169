import { Type, type Static } from 'typebox';
import { ChildIdSchema, DisplayName, ParentIdSchema, PolicyVersion, Timestamp, Ulid, closed } from './primitives';
import { ConsentInput, ConsentMethod, ConsentRecord, PolicyLanguage } from './accounts';

/**
 * Re-consent after a policy change (F15), as it travels. A guardian's session only: the pane at
 * its unlock and parent mode at its sign-in ask `GET /v1/policy-review`; one consent action
 * (`POST /v1/policy-review/consent`) records one consent per child that waits for it.
 */

/** `GET /v1/policy-review?lang=`: `lang` as `GET /v1/policy` takes it (English by default). */
export const PolicyReviewQuery = Type.Object({ lang: Type.Optional(PolicyLanguage) }, closed);
export type PolicyReviewQuery = Static<typeof PolicyReviewQuery>;

/** A child of the guardian that waits for the guardian's consent to the current version. */
export const ReconsentChild = Type.Object({ childId: ChildIdSchema, displayName: DisplayName }, closed);
export type ReconsentChild = Static<typeof ReconsentChild>;

/**
 * What the guardian is asked: the current version, "what changed" in their language, when this
 * relay first served the version and when its grace period ends (after it, a child none of whose
 * guardians consented reaches only its grown-ups). `children` empty: nothing to ask.
 */
export const PolicyReview = Type.Object(
  {
    version: PolicyVersion,
    lang: PolicyLanguage,
    changes: Type.String({ maxLength: 20_000 }),
    firstServedAt: Timestamp,
    graceEndsAt: Timestamp,
    children: Type.Array(ReconsentChild, { maxItems: 500 }),
  },
  closed,
);
export type PolicyReview = Static<typeof PolicyReview>;

/** `POST /v1/policy-review/consent`: one consent for every child waiting for it. */
export const ReconsentBody = Type.Object({ consent: ConsentInput }, closed);
export type ReconsentBody = Static<typeof ReconsentBody>;
export const ReconsentResult = Type.Object({ consents: Type.Array(ConsentRecord, { maxItems: 500 }) }, closed);
export type ReconsentResult = Static<typeof ReconsentResult>;

/** One consent record of a child: which version, who, when, how, and when withdrawn if it was. */
export const ConsentHistoryEntry = Type.Object(
  {
    consentId: Ulid,
    parentId: ParentIdSchema,
    displayName: DisplayName,
    policyVersion: PolicyVersion,
    method: ConsentMethod,
    givenAt: Timestamp,
    withdrawnAt: Type.Union([Timestamp, Type.Null()]),
  },
  closed,
);
export type ConsentHistoryEntry = Static<typeof ConsentHistoryEntry>;

/** `GET /v1/children/:id/consent-history` (a guardian of the child): newest first. */
export const ConsentHistory = Type.Object(
  { childId: ChildIdSchema, entries: Type.Array(ConsentHistoryEntry, { maxItems: 1000 }) },
  closed,
);
export type ConsentHistory = Static<typeof ConsentHistory>;

/**
 * Since 0.3.0: to a child's sockets, after the welcome and at each change: whether the child
 * waits for a grown-up to look at a new policy (the grace period is over and no guardian
 * consented). While `waiting`, the child reaches only its own grown-ups.
 */
export const WsReconsentFrame = Type.Object({ type: Type.Literal('reconsent'), waiting: Type.Boolean() }, closed);
export type WsReconsentFrame = Static<typeof WsReconsentFrame>;
