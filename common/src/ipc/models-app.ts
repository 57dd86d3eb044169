import { Type, type Static } from 'typebox';
import { AvatarId, CHILD_EDITS, Child, ConsentInput, NEW_CHILD } from '../schemas/accounts';
import { ChildIdSchema, DisplayName, Timestamp, Ulid, Username, closed } from '../schemas/primitives';

/** An empty argument object, for channels that take nothing. */
export const NoArgs = Type.Object({}, closed);
export type NoArgs = Static<typeof NoArgs>;

/** Returned by channels that have nothing to say beyond success. */
export const Done = Type.Object({ done: Type.Literal(true) }, closed);
export type Done = Static<typeof Done>;

/** What the app knows about itself and this PC, without any secret. */
export const AppInfo = Type.Object(
  {
    appVersion: Type.String(),
    relayOrigin: Type.String(),
    /** This PC holds device credentials from the relay. */
    enrolled: Type.Boolean(),
    deviceId: Type.Union([Ulid, Type.Null()]),
    /** The grown-ups' password has been set (first run finished). */
    lockSet: Type.Boolean(),
    profileCount: Type.Integer({ minimum: 0 }),
    /**
     * This is a grown-up's own PC in parent mode: signed in as the parent (a relay session kept
     * on this PC), no child profiles. Never true on a PC enrolled for children.
     */
    parentMode: Type.Boolean(),
  },
  closed,
);
export type AppInfo = Static<typeof AppInfo>;

export const LockState = Type.Union([Type.Literal('unset'), Type.Literal('locked'), Type.Literal('unlocked')]);
export type LockState = Static<typeof LockState>;

/** The grown-ups' pane lock, as the UI shows it. */
export const LockStatus = Type.Object(
  {
    state: LockState,
    /** Wrong passwords since the last success. */
    failures: Type.Integer({ minimum: 0 }),
    /** No attempt is accepted before this time (backoff or lock-out); null when one may try now. */
    retryAt: Type.Union([Timestamp, Type.Null()]),
    /** Main holds a parent relay session (in memory only). */
    parentSignedIn: Type.Boolean(),
    /** When the pane locks itself if nothing happens; null while not unlocked. */
    autoLockAt: Type.Union([Timestamp, Type.Null()]),
  },
  closed,
);
export type LockStatus = Static<typeof LockStatus>;

/** The grown-up's Hearth email this PC remembers for signing in (never a password). */
export const RememberedEmail = Type.Object({ email: Type.Union([Type.String({ maxLength: 254 }), Type.Null()]) }, closed);
export type RememberedEmail = Static<typeof RememberedEmail>;

/** The grown-ups' pane password (local to this PC, argon2id-hashed). */
export const ParentPassword = Type.String({ minLength: 8, maxLength: 256, description: 'At least 8 characters' });

export const ParentAccount = Type.Object({ parentId: Ulid, displayName: DisplayName, email: Type.String() }, closed);
export type ParentAccount = Static<typeof ParentAccount>;

/** The pictures a child may pick from for a picture password (bundled with the app). */
export const PICTURE_PASSWORD_PICTURES = ['apple', 'ball', 'cat', 'dog', 'fish', 'flower', 'moon', 'star', 'tree'] as const;
export type PicturePasswordPicture = (typeof PICTURE_PASSWORD_PICTURES)[number];

/** A picture password: three to six pictures in order (a picture may repeat). */
export const PictureSequence = Type.Array(Type.Enum(PICTURE_PASSWORD_PICTURES), { minItems: 3, maxItems: 6 });
export type PictureSequence = Static<typeof PictureSequence>;

export const ProfileKind = Type.Union([Type.Literal('child'), Type.Literal('parent')]);
export type ProfileKind = Static<typeof ProfileKind>;

/**
 * A profile on this PC, as the profile picker shows it: a child's, or (in parent mode only) the
 * parent's own, whose `childId` is the parent's account id.
 */
export const Profile = Type.Object(
  {
    childId: Ulid,
    kind: ProfileKind,
    displayName: DisplayName,
    /** The child's username; null for a parent. */
    username: Type.Union([Username, Type.Null()]),
    /** A bundled picture id (e.g. `fox`), or null for the default. */
    avatar: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
    unread: Type.Integer({ minimum: 0 }),
    /** Choosing this profile needs its picture password. */
    hasPicturePassword: Type.Boolean(),
  },
  closed,
);
export type Profile = Static<typeof Profile>;
export const ProfileList = Type.Object({ profiles: Type.Array(Profile) }, closed);
export const CurrentProfile = Type.Object({ profile: Type.Union([Profile, Type.Null()]) }, closed);
export type CurrentProfile = Static<typeof CurrentProfile>;

/** A child of the signed-in parent, and whether it has a profile on this PC. */
export const ChildOnPc = Type.Object({ child: Child, onThisPc: Type.Boolean() }, closed);
export type ChildOnPc = Static<typeof ChildOnPc>;
export const ChildOnPcList = Type.Object({ children: Type.Array(ChildOnPc) }, closed);

export const CreateChildArgs = Type.Object(
  {
    ...NEW_CHILD,
    consent: ConsentInput,
    avatar: Type.Optional(AvatarId),
    /** Also give the child a profile on this PC (default true). */
    addToThisPc: Type.Optional(Type.Boolean()),
  },
  closed,
);
export type CreateChildArgs = Static<typeof CreateChildArgs>;

export const UpdateChildArgs = Type.Object({ childId: ChildIdSchema, ...CHILD_EDITS }, { ...closed, minProperties: 2 });
export type UpdateChildArgs = Static<typeof UpdateChildArgs>;

export const EnrollPcArgs = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64 }),
    childIds: Type.Array(ChildIdSchema, { minItems: 1, maxItems: 16, uniqueItems: true }),
  },
  closed,
);
export type EnrollPcArgs = Static<typeof EnrollPcArgs>;

export const Enrollment = Type.Object({ deviceId: Ulid, profiles: Type.Array(Profile) }, closed);
export type Enrollment = Static<typeof Enrollment>;

/** Languages the app's interface is translated into. */
export const UI_LANGUAGES = ['en', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const UiLanguageSetting = Type.Union([Type.Literal('auto'), Type.Literal('en'), Type.Literal('es')]);
export type UiLanguageSetting = Static<typeof UiLanguageSetting>;

/** Settings of this PC. Readable by anyone, changed only in the grown-ups' pane. */
export const Settings = Type.Object(
  {
    /** Minutes without activity before the grown-ups' pane locks itself. Default 5. */
    autoLockMinutes: Type.Integer({ minimum: 1, maximum: 120 }),
    /** Read messages and buttons aloud. Default false. */
    readAloud: Type.Boolean(),
    /** Route calls through the relay's TURN server so no IP address reaches a peer. Default true. */
    relayOnlyCalls: Type.Boolean(),
    /** The app's language: `auto` follows the system. Default `auto`. */
    language: UiLanguageSetting,
  },
  closed,
);
export type Settings = Static<typeof Settings>;
export const SettingsPatch = Type.Partial(Settings, { ...closed, minProperties: 1 });
export type SettingsPatch = Static<typeof SettingsPatch>;
/** The language picked on first run's screens (kept as this PC's language setting). */
export const FirstRunLanguageArgs = Type.Object({ language: Type.Enum(UI_LANGUAGES) }, closed);
