import { RetentionTable } from '../retention';
import { Type, type Static } from 'typebox';
import {
  ChildIdSchema,
  ChosenDisplayName,
  DisplayName,
  Email,
  IsoDate,
  Password,
  PolicyVersion,
  Timestamp,
  Token,
  Ulid,
  Username,
  ParentIdSchema,
  closed,
} from './primitives';

/** A language the relay writes in: the policy's text and its emails. */
export const PolicyLanguage = Type.Union([Type.Literal('en'), Type.Literal('es')]);
export type PolicyLanguage = Static<typeof PolicyLanguage>;

/**
 * A grown-up's Hearth account email and password, as the app asks for them; `lang` (since 0.2.0):
 * the language of the code a relay with SMTP emails to an address not confirmed yet.
 */
export const SignInCredentials = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 256 }), lang: Type.Optional(PolicyLanguage) },
  closed,
);
export type SignInCredentials = Static<typeof SignInCredentials>;

/**
 * Where a parent session will be used. `family-pc`: a children's PC, which keeps the session in
 * memory across pane locks, so the relay caps its lifetime (4 h by default).
 */
export const SessionDevice = Type.Literal('family-pc');
export type SessionDevice = Static<typeof SessionDevice>;

/** A new grown-up's account, as the app asks for it; `lang` (since 0.2.0): the language of its emails. */
export const NewParentAccount = Type.Object(
  { email: Email, password: Password, displayName: ChosenDisplayName, lang: Type.Optional(PolicyLanguage) },
  closed,
);
export type NewParentAccount = Static<typeof NewParentAccount>;

export const RegisterParentBody = Type.Object(
  {
    email: Email,
    password: Password,
    displayName: ChosenDisplayName,
    /** As for sign-in: `family-pc` gets the shorter session. */
    device: Type.Optional(SessionDevice),
    /** Since 0.2.0: the language of the emails a relay with SMTP sends (default English). */
    lang: Type.Optional(PolicyLanguage),
  },
  closed,
);
export type RegisterParentBody = Static<typeof RegisterParentBody>;

export const SignInBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: 256 }),
    /** Omitted: a grown-up's own PC or another client; the session lives the relay's full parent-session time. */
    device: Type.Optional(SessionDevice),
    /** Since 0.2.0: the language of the code a relay with SMTP emails to an unverified account. */
    lang: Type.Optional(PolicyLanguage),
  },
  closed,
);
export type SignInBody = Static<typeof SignInBody>;

export const SessionGrant = Type.Object(
  { sessionId: Ulid, token: Token, parentId: ParentIdSchema, expiresAt: Timestamp },
  closed,
);
export type SessionGrant = Static<typeof SessionGrant>;

export const SessionInfo = Type.Object(
  { sessionId: Ulid, createdAt: Timestamp, expiresAt: Timestamp, current: Type.Boolean() },
  closed,
);
export const SessionList = Type.Object({ sessions: Type.Array(SessionInfo) }, closed);

/**
 * The pictures a child can pick (drawn by the app itself, nothing uploaded). The id is all that
 * leaves the PC: the relay shows it only in the child's family links and in friendships that are
 * asked for or active (not after a decline or removal, nor to a child who blocked).
 */
export const AVATAR_IDS = [
  'fox',
  'cat',
  'dog',
  'bear',
  'panda',
  'frog',
  'lion',
  'unicorn',
  'octopus',
  'rabbit',
  'turtle',
  'owl',
] as const;
export const AvatarId = Type.Enum(AVATAR_IDS);
export type AvatarId = Static<typeof AvatarId>;

export const Gender = Type.Union([Type.Literal('girl'), Type.Literal('boy'), Type.Literal('other')]);
export type Gender = Static<typeof Gender>;

export const ConsentMethod = Type.Union([Type.Literal('checkbox'), Type.Literal('typed-signature'), Type.Literal('in-person')]);

/** What a parent sends to give consent; the relay stamps the time. */
export const ConsentInput = Type.Object(
  { policyVersion: PolicyVersion, method: ConsentMethod, agreed: Type.Literal(true) },
  closed,
);
export type ConsentInput = Static<typeof ConsentInput>;

export const ConsentRecord = Type.Object(
  {
    consentId: Ulid,
    parentId: ParentIdSchema,
    childId: ChildIdSchema,
    policyVersion: PolicyVersion,
    method: ConsentMethod,
    givenAt: Timestamp,
  },
  closed,
);
export type ConsentRecord = Static<typeof ConsentRecord>;
export const ConsentList = Type.Object({ consents: Type.Array(ConsentRecord) }, closed);

/** Who a new child is: what a parent fills in to create one. */
export const NEW_CHILD = {
  displayName: ChosenDisplayName,
  username: Username,
  birthday: Type.Optional(IsoDate),
  gender: Type.Optional(Gender),
};

export const CreateChildBody = Type.Object(
  {
    ...NEW_CHILD,
    avatar: Type.Optional(AvatarId),
    consent: Type.Optional(ConsentInput),
  },
  closed,
);
export type CreateChildBody = Static<typeof CreateChildBody>;

/** What a parent may change about a child, each field optional; null clears it. */
export const CHILD_EDITS = {
  displayName: Type.Optional(ChosenDisplayName),
  birthday: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  gender: Type.Optional(Type.Union([Gender, Type.Null()])),
  avatar: Type.Optional(Type.Union([AvatarId, Type.Null()])),
};

export const UpdateChildBody = Type.Object(CHILD_EDITS, { ...closed, minProperties: 1 });
export type UpdateChildBody = Static<typeof UpdateChildBody>;

export const Child = Type.Object(
  {
    childId: ChildIdSchema,
    parentId: ParentIdSchema,
    displayName: DisplayName,
    username: Username,
    birthday: Type.Union([IsoDate, Type.Null()]),
    gender: Type.Union([Gender, Type.Null()]),
    avatar: Type.Union([AvatarId, Type.Null()]),
    createdAt: Timestamp,
  },
  closed,
);
export type Child = Static<typeof Child>;
export const ChildList = Type.Object({ children: Type.Array(Child) }, closed);

export const Me = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('parent'),
      parentId: ParentIdSchema,
      email: Email,
      displayName: DisplayName,
      /** Since 0.2.0: always true on a relay that sends email (an unverified account cannot sign in there). */
      emailVerified: Type.Optional(Type.Boolean()),
      /** Since 0.2.0 (optional: a 0.1.0 relay does not send it). */
      accountCreatedAt: Type.Optional(Timestamp),
    },
    closed,
  ),
  Type.Object(
    {
      kind: Type.Literal('child'),
      childId: ChildIdSchema,
      parentId: ParentIdSchema,
      displayName: DisplayName,
      username: Username,
      deviceId: Ulid,
    },
    closed,
  ),
]);
export type Me = Static<typeof Me>;

export const PolicyInfo = Type.Object({ version: PolicyVersion, publishedAt: Type.String() }, closed);
export type PolicyInfo = Static<typeof PolicyInfo>;

/** The languages a privacy policy is written in. */
/** `?lang=`: with it the answer carries the text; without it, only the version (as apps before 0.2.0 read it). */
export const PolicyQuery = Type.Object({ lang: Type.Optional(PolicyLanguage) }, closed);
export const PolicyVersionParams = Type.Object({ version: PolicyVersion }, closed);

/**
 * One version of the privacy policy in one language, as plain text: paragraphs separated by blank
 * lines, a paragraph starting with `#` is a heading. The app renders it as text, never as HTML.
 */
export const PolicyText = Type.Object(
  {
    version: PolicyVersion,
    publishedAt: Type.String(),
    lang: PolicyLanguage,
    text: Type.String({ minLength: 1, maxLength: 100_000 }),
    /** What changed since the version before, in the same form. */
    changes: Type.String({ maxLength: 20_000 }),
    /** Since 0.3.0: how long the relay keeps each kind of thing (F16); absent from older relays. */
    retention: Type.Optional(RetentionTable),
  },
  closed,
);
export type PolicyText = Static<typeof PolicyText>;
