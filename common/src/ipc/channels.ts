import { Type, type TSchema } from 'typebox';
import { ConsentList, NewParentAccount, PolicyLanguage, PolicyText, SignInCredentials } from '../schemas/accounts';
import { DeviceList } from '../schemas/devices';
import { FriendshipList, FriendshipView, Invite, RedeemInviteBody } from '../schemas/friendships';
import { ChildIdSchema, Ulid, closed } from '../schemas/primitives';
import { Sha256Hex } from '../schemas/message-content';
import {
  AppInfo,
  ChildOnPc,
  ChildOnPcList,
  CreateChildArgs,
  CurrentProfile,
  Done,
  EnrollPcArgs,
  Enrollment,
  FirstRunLanguageArgs,
  LockStatus,
  NoArgs,
  ParentAccount,
  ParentPassword,
  PictureSequence,
  Profile,
  ProfileList,
  RememberedEmail,
  Settings,
  SettingsPatch,
  UpdateChildArgs,
} from './models-app';
import {
  ActivityRange,
  ActivityReport,
  AddAttachmentArgs,
  AttachmentData,
  AttachmentInfo,
  CallList,
  CallRecord,
  ChildConversationArgs,
  FriendList,
  ListMessagesArgs,
  MarkReadArgs,
  MessagePage,
  MessageRef,
  MessageView,
  PaneReply,
  RecordCallArgs,
  ReplyToChildArgs,
  SearchMessagesArgs,
  SearchResults,
  SendMessageArgs,
} from './models-chat';
import { BACKGROUND_CHANNELS } from './channels-backgrounds';
import { CALL_CHANNELS } from './channels-calls';
import { VERSION_CHANNELS } from './channels-versions';
import { PROBLEM_CHANNELS } from './channels-problems';
import { FAMILY_CHANNELS } from './channels-family';
import { EMAIL_CHANNELS } from './channels-email';
import { ATTENTION_CHANNELS } from './channels-attention';
import { QUIET_CHANNELS } from './channels-quiet';
import { ACTIVITY_CHANNELS } from './channels-activity';
import { RECONSENT_CHANNELS } from './channels-reconsent';
import { SUMMARY_CHANNELS } from './channels-summaries';
import { EXPORT_CHANNELS } from './channels-export';
import { COMPUTERS_CHANNELS } from './channels-computers';
import { NOTIFY_CHANNELS } from './channels-notify';
import { REPORT_CHILD_CHANNELS } from './channels-report-child';
import { REPORT_GROWNUPS_CHANNELS } from './channels-report-grownups';
import { GROWNUP_DELETE_CHANNELS } from './channels-grownup-delete';
import { GAME_CHANNELS } from './channels-games';
import { MACHINE_POLICY_CHANNELS } from './channels-machine-policy';
import { UPDATE_CHANNELS_IPC } from './channels-updates';

/**
 * Who may call a channel. Main enforces it in its handler layer, whatever the renderer sends.
 * - `open`: anyone at the PC (profile picker, lock screen, policy).
 * - `profile`: the active child profile acts as itself (pick a profile first).
 * - `parent`: the grown-ups' pane is unlocked (or, on first run before a password exists,
 *   a parent has signed in to the relay).
 * - `grown-up`: like `parent` but needs no relay session yet (signing the parent in).
 * - `first-run`: only before the grown-ups' password exists.
 * Every channel that is not `open` or `profile` is parent-only: refused with LOCKED while locked.
 */
export type ChannelAccess = 'open' | 'profile' | 'parent' | 'grown-up' | 'first-run';

export type ChannelSpec = Readonly<{ access: ChannelAccess; args: TSchema; result: TSchema; summary: string }>;

function ch<A extends TSchema, R extends TSchema>(
  access: ChannelAccess,
  args: A,
  result: R,
  summary: string,
): Readonly<{ access: ChannelAccess; args: A; result: R; summary: string }> {
  return { access, args, result, summary };
}

const ChildIdArgs = Type.Object({ childId: ChildIdSchema }, closed);
const KidFriendshipAction = Type.Union([
  Type.Literal('confirm'),
  Type.Literal('decline'),
  Type.Literal('remove'),
  Type.Literal('block'),
]);
const ParentFriendshipAction = Type.Union([
  Type.Literal('approve'),
  Type.Literal('decline'),
  Type.Literal('remove'),
  Type.Literal('block'),
  Type.Literal('unblock'),
]);
const ContactFilter = Type.Object({ contactId: Type.Optional(Ulid) }, closed);

/**
 * The IPC contract: every channel between the renderer and main, with its argument and result
 * schemas. The preload, the web host's bridge and the tests are all built from this one object.
 */
export const HEARTH_CHANNELS = {
  // Open: anyone at the PC.
  getAppInfo: ch('open', NoArgs, AppInfo, 'Version, relay, enrollment and first-run state'),
  getPolicy: ch(
    'open',
    Type.Object({ lang: Type.Optional(PolicyLanguage) }, closed),
    PolicyText,
    "The relay's current privacy policy: its version and its text (English unless lang says otherwise)",
  ),
  getLockStatus: ch('open', NoArgs, LockStatus, "The grown-ups' pane lock"),
  unlock: ch(
    'open',
    Type.Object({ password: Type.String({ minLength: 1, maxLength: 256 }) }, closed),
    LockStatus,
    'Unlock the pane',
  ),
  unlockWithAccount: ch(
    'open',
    SignInCredentials,
    LockStatus,
    'Unlock the pane at once (even while wrong passwords make it wait) by signing in with the Hearth account of the grown-up who enrolled this PC or owns a profile on it; any other account is refused. Success clears the wait',
  ),
  getRememberedEmail: ch('open', NoArgs, RememberedEmail, "The grown-up's Hearth email this PC remembers (no password)"),
  lock: ch('open', NoArgs, LockStatus, 'Lock the pane now (the parent session stays in memory for the next unlock)'),
  listProfiles: ch('open', NoArgs, ProfileList, "The children's profiles on this PC"),
  selectProfile: ch(
    'open',
    Type.Object({ childId: Ulid, picture: Type.Optional(PictureSequence) }, closed),
    Profile,
    "Become this child (the profile picker); a child's picture password, when set, must come along. The parent's own profile (parent mode) needs the pane unlocked",
  ),
  getCurrentProfile: ch('open', NoArgs, CurrentProfile, 'The active child profile, if any'),
  leaveProfile: ch('open', NoArgs, Done, 'Back to the profile picker'),
  getSettings: ch('open', NoArgs, Settings, "This PC's settings"),

  // First run, then the grown-ups' pane.
  registerParent: ch(
    'first-run',
    NewParentAccount,
    ParentAccount,
    'Create a parent account on the relay and sign in; a relay that sends email answers EMAIL_NOT_VERIFIED for a new and a used address alike, until the emailed code is typed (verifyEmail)',
  ),
  setParentPassword: ch(
    'first-run',
    Type.Object({ password: ParentPassword }, closed),
    LockStatus,
    "Set the grown-ups' password",
  ),
  setFirstRunLanguage: ch(
    'first-run',
    FirstRunLanguageArgs,
    Settings,
    "Keep the language picked on first run's screens as this PC's language (afterwards only the pane changes it)",
  ),
  signInParent: ch(
    'grown-up',
    SignInCredentials,
    ParentAccount,
    "Sign the parent in to the relay (session kept in main's memory only, across pane locks, until it expires, the app quits or the parent signs out)",
  ),
  startParentMode: ch(
    'grown-up',
    SignInCredentials,
    Profile,
    "Parent mode on a grown-up's own PC (never one enrolled for children): sign in and keep that relay session here, or renew it",
  ),

  // Parent-only.
  signOutParent: ch('parent', NoArgs, LockStatus, 'End the parent relay session (here and on the relay) and lock'),
  getParentAccount: ch('parent', NoArgs, ParentAccount, 'Who is signed in'),
  keepParentUnlocked: ch('parent', NoArgs, LockStatus, 'The parent is still here: push auto-lock back'),
  changeParentPassword: ch(
    'parent',
    Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: ParentPassword }, closed),
    LockStatus,
    "Change the grown-ups' password",
  ),
  listConsents: ch('parent', NoArgs, ConsentList, 'Consent records'),
  listChildren: ch('parent', NoArgs, ChildOnPcList, "The parent's children and whether each is on this PC"),
  createChild: ch('parent', CreateChildArgs, ChildOnPc, 'Create a child account with consent'),
  updateChild: ch('parent', UpdateChildArgs, ChildOnPc, "Change a child's name, details or picture"),
  enrollPc: ch('parent', EnrollPcArgs, Enrollment, 'Enroll this PC for some children'),
  addChildToPc: ch('parent', ChildIdArgs, Profile, 'Give an existing child a profile on this PC'),
  removeChildFromPc: ch('parent', ChildIdArgs, Done, "Revoke this PC's credential for a child and wipe its local data"),
  listDevices: ch('parent', NoArgs, DeviceList, "The parent's enrolled PCs"),
  revokeDevice: ch(
    'parent',
    Type.Object({ deviceId: Ulid, erase: Type.Optional(Type.Boolean()) }, closed),
    Done,
    'Sign another PC out (`erase`: it also erases Hearth’s data there)',
  ),
  listApprovals: ch('parent', NoArgs, FriendshipList, "The children's friendships, pending approvals first"),
  actOnFriendshipAsParent: ch(
    'parent',
    Type.Object({ friendshipId: Ulid, action: ParentFriendshipAction }, closed),
    FriendshipView,
    'Approve, decline, remove, block or unblock',
  ),
  updateSettings: ch('parent', SettingsPatch, Settings, "Change this PC's settings"),
  setPicturePassword: ch(
    'parent',
    Type.Object({ childId: ChildIdSchema, picture: Type.Union([PictureSequence, Type.Null()]) }, closed),
    Profile,
    "Set or (with null) remove a child's picture password on this PC",
  ),
  stopParentMode: ch('parent', NoArgs, Done, 'Leave parent mode: end the kept relay session and forget its messages here'),
  readChildConversation: ch(
    'parent',
    ChildConversationArgs,
    MessagePage,
    "A child's conversation with the grown-up at the pane, from the child's store (no other conversation)",
  ),
  replyToChild: ch(
    'parent',
    ReplyToChildArgs,
    PaneReply,
    'A text from the grown-up at the pane to their child, with the held session',
  ),
  getChildActivity: ch(
    'parent',
    Type.Object({ childId: ChildIdSchema, ...ActivityRange }, closed),
    ActivityReport,
    "A child's activity",
  ),

  // The active child.
  listFriends: ch('profile', NoArgs, FriendList, 'Friends and family, with presence'),
  createInvite: ch('profile', NoArgs, Invite, 'A code to give a friend in person'),
  redeemInvite: ch('profile', RedeemInviteBody, FriendshipView, "Type in a friend's code"),
  actOnFriendship: ch(
    'profile',
    Type.Object(
      // reason: what the child said when blocking, kept on this PC for the activity view (F10).
      { friendshipId: Ulid, action: KidFriendshipAction, reason: Type.Optional(Type.String({ maxLength: 200 })) },
      closed,
    ),
    FriendshipView,
    'Confirm, decline, remove or block a friend',
  ),
  sendMessage: ch('profile', SendMessageArgs, MessageView, 'Queue a message (sent from the durable outbox)'),
  listMessages: ch('profile', ListMessagesArgs, MessagePage, 'A conversation, newest first'),
  searchMessages: ch('profile', SearchMessagesArgs, SearchResults, 'Full-text search in the history'),
  markRead: ch('profile', MarkReadArgs, Done, 'Mark a conversation read up to a message'),
  deleteMessage: ch('profile', MessageRef, Done, 'Delete a message from this computer only ("delete for me")'),
  unsendMessage: ch(
    'profile',
    MessageRef,
    Done,
    'Ask the relay to take back my message while nobody received it (the answer comes as messageRemoved or unsendRefused)',
  ),
  addAttachment: ch('profile', AddAttachmentArgs, AttachmentInfo, 'Store a photo, voice or video message before sending'),
  readAttachment: ch('profile', Type.Object({ hash: Sha256Hex }, closed), AttachmentData, "An attachment's bytes"),
  listCalls: ch('profile', ContactFilter, CallList, 'The call log'),
  recordCall: ch('profile', RecordCallArgs, CallRecord, 'Add a call to the log'),
  getMyActivity: ch('profile', Type.Object(ActivityRange, closed), ActivityReport, 'What my parent can see'),
  ...CALL_CHANNELS,
  ...BACKGROUND_CHANNELS,
  ...VERSION_CHANNELS,
  ...PROBLEM_CHANNELS,
  ...FAMILY_CHANNELS,
  ...EMAIL_CHANNELS,
  ...ATTENTION_CHANNELS,
  ...QUIET_CHANNELS,
  ...ACTIVITY_CHANNELS,
  ...RECONSENT_CHANNELS,
  ...SUMMARY_CHANNELS,
  ...EXPORT_CHANNELS,
  ...COMPUTERS_CHANNELS,
  ...NOTIFY_CHANNELS,
  ...REPORT_CHILD_CHANNELS,
  ...REPORT_GROWNUPS_CHANNELS,
  ...GROWNUP_DELETE_CHANNELS,
  ...GAME_CHANNELS,
  ...MACHINE_POLICY_CHANNELS,
  ...UPDATE_CHANNELS_IPC,
} as const satisfies Record<string, ChannelSpec>;

/** Every channel name. */
export type ChannelName = keyof typeof HEARTH_CHANNELS;
export const CHANNEL_NAMES = Object.keys(HEARTH_CHANNELS) as ChannelName[];

/** Parent-only channels: every channel refused while the pane is locked. */
export const PARENT_ONLY_CHANNELS: readonly ChannelName[] = CHANNEL_NAMES.filter((name) => isParentOnly(name));

/** True for channels that need the grown-ups' pane (all but `open` and `profile`). */
export function isParentOnly(name: ChannelName): boolean {
  const access: ChannelAccess = HEARTH_CHANNELS[name].access;
  switch (access) {
    case 'open':
    case 'profile':
      return false;
    case 'parent':
    case 'grown-up':
    case 'first-run':
      return true;
    default: {
      const never: never = access;
      throw new Error(`unknown access ${String(never)}`);
    }
  }
}
