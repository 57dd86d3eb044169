import type { ChannelArgs, ChannelName, ChannelValue } from '@hearth/common';
import { backgroundChannelImpl } from './channel-impl-backgrounds';
import { callChannelImpl } from './channel-impl-calls';
import { familyChannelImpl } from './channel-impl-family';
import { emailChannelImpl } from './channel-impl-email';
import { quietChannelImpl } from './channel-impl-quiet';
import { activityChannelImpl } from './channel-impl-activity';
import { summaryChannelImpl } from './channel-impl-summaries';
import { exportChannelImpl } from './channel-impl-export';
import { computersChannelImpl } from './channel-impl-computers';
import { machinePolicyChannelImpl } from './channel-impl-machine-policy';
import { notifyChannelImpl, reconsentChannelImpl } from './channel-impl-reconsent';
import { reportGrownupsChannelImpl } from './channel-impl-report-grownups';
import { grownupDeleteChannelImpl } from './channel-impl-grownup-delete';
import { gameChannelImpl } from './channel-impl-games';
import { updatesChannelImpl } from './channel-impl-updates';
import type { Services } from './services';

/** One channel's implementation; `child()` is the active child (the guard made sure there is one). */
export type ChannelFn<K extends ChannelName> = (
  args: ChannelArgs<K>,
  child: () => string,
) => Promise<ChannelValue<K>> | ChannelValue<K>;

export type ChannelImpl = { readonly [K in ChannelName]: ChannelFn<K> };

const DONE = { done: true } as const;

/** Maps every channel of the contract onto the services. A missing channel is a type error. */
export function channelImpl(s: Services): ChannelImpl {
  return {
    getAppInfo: () => s.app.info(),
    getPolicy: ({ lang }) => s.app.policy(lang ?? 'en'),
    getLockStatus: () => s.lock.status(),
    unlock: (a) => s.lock.unlock(a.password),
    unlockWithAccount: (a) => s.parent.unlockWithAccount(a),
    getRememberedEmail: () => ({ email: s.parent.rememberedEmail() }),
    lock: () => s.lock.lock('asked'),
    listProfiles: () => ({ profiles: s.profiles.list() }),
    selectProfile: (a) => s.profiles.select(a.childId, a.picture),
    getCurrentProfile: () => ({ profile: s.profiles.current() }),
    leaveProfile: () => {
      s.profiles.leave();
      return DONE;
    },
    getSettings: () => s.settings.get(),
    getVersionStatus: () => s.versions.status(),
    getGrownUpAttention: () => s.attention.get(),

    registerParent: (a) => s.parent.register(a),
    setParentPassword: (a) => s.parent.setPassword(a.password),
    setFirstRunLanguage: (a) => s.settings.update({ language: a.language }),
    signInParent: (a) => s.parent.signIn(a),
    startParentMode: (a) => s.parentMode.start(a),

    signOutParent: () => s.lock.signOut(),
    getParentAccount: () => s.parent.account(),
    keepParentUnlocked: () => {
      s.lock.touch();
      return s.lock.status();
    },
    changeParentPassword: (a) => s.lock.changePassword(a.currentPassword, a.newPassword),
    listConsents: () => s.parent.consents(),
    listChildren: () => s.family.listChildren(),
    createChild: (a) => s.family.createChild(a),
    updateChild: (a) => s.family.updateChild(a),
    enrollPc: (a) => s.family.enrollPc(a),
    addChildToPc: (a) => s.family.addChildToPc(a.childId),
    removeChildFromPc: (a) => s.family.removeChildFromPc(a.childId),
    listDevices: () => s.family.listDevices(),
    revokeDevice: (a) => s.family.revokeDevice(a.deviceId, a.erase),
    listApprovals: () => s.approvals.list(),
    actOnFriendshipAsParent: (a) => s.approvals.act(a.friendshipId, a.action),
    updateSettings: (a) => s.settings.update(a),
    setPicturePassword: (a) => s.profiles.setPicturePassword(a.childId, a.picture),
    stopParentMode: () => s.parentMode.stop(),
    readChildConversation: (a) => s.paneMessages.conversation(a),
    replyToChild: (a) => s.paneMessages.reply(a),
    getChildActivity: (a) => s.approvals.childActivity(a.childId, a.days ?? 7),

    listFriends: (_a, child) => s.friends.list(child()),
    createInvite: (_a, child) => s.friends.createInvite(child()),
    redeemInvite: (a, child) => s.friends.redeemInvite(child(), a.code),
    actOnFriendship: (a, child) => s.friends.act(child(), a.friendshipId, a.action, a.reason),
    sendMessage: (a, child) => s.messages.send(child(), a),
    listMessages: (a, child) => s.messages.list(child(), a),
    searchMessages: (a, child) => s.messages.search(child(), a),
    deleteMessage: (a, child) => {
      s.messages.deleteForMe(child(), a.messageId);
      return DONE;
    },
    unsendMessage: (a, child) => {
      s.messages.unsend(child(), a.messageId);
      return DONE;
    },
    markRead: (a, child) => {
      s.messages.markRead(child(), a.contactId, a.upTo);
      return DONE;
    },
    addAttachment: (a, child) => s.attachments.add(child(), a),
    readAttachment: (a, child) => s.attachments.read(child(), a.hash),
    listCalls: (a, child) => s.records.listCalls(child(), a.contactId),
    recordCall: (a, child) => s.records.recordCall(child(), a),
    getMyActivity: (a, child) => s.records.activity(child(), a.days ?? 7),
    ...callChannelImpl(s),
    ...backgroundChannelImpl(s),
    ...familyChannelImpl(s),
    ...emailChannelImpl(s),
    ...quietChannelImpl(s),
    ...activityChannelImpl(s),
    ...reconsentChannelImpl(s),
    ...summaryChannelImpl(s),
    ...exportChannelImpl(s),
    ...computersChannelImpl(s),
    ...machinePolicyChannelImpl(s),
    ...notifyChannelImpl(s),
    reportSomething: (a, child) => {
      s.reports.report(child(), a);
      return DONE;
    },
    ...reportGrownupsChannelImpl(s),
    ...grownupDeleteChannelImpl(s),
    ...gameChannelImpl(s),
    ...updatesChannelImpl(s),
    reportProblem: (a) => {
      s.problems.report(a);
      return DONE;
    },
  };
}
