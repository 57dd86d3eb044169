/** The grown-ups’ pane: unlocking, its sections, friend requests. (`pane.*`) */
import type { Spanish } from '../translation';
export declare const grownUpsEn: {
    readonly title: "Grown-ups";
    readonly backToKids: "Back";
    readonly lockNow: "Lock now";
    readonly unlockTitle: "Unlock the grown-ups’ pane";
    readonly unlockLead: "Enter the grown-ups’ password.";
    readonly password: "Grown-ups’ password";
    readonly unlock: "Unlock";
    readonly waitSeconds_one: "Please wait {{count}} second before trying again.";
    readonly waitSeconds_other: "Please wait {{count}} seconds before trying again.";
    readonly waitMinutes_one: "Too many wrong passwords. Please wait about {{count}} minute before trying again.";
    readonly waitMinutes_other: "Too many wrong passwords. Please wait about {{count}} minutes before trying again.";
    readonly account: {
        readonly title: "Use your Hearth account instead";
        readonly lead: "The grown-up who set up this computer can open the pane at once with their Hearth email and account password. It also ends the wait.";
        readonly show: "Use my Hearth account instead";
        readonly submit: "Sign in and unlock";
    };
    readonly signInTitle: "Sign in to your Hearth account";
    readonly signInLead: "Approving friends and managing children needs your Hearth account. You stay signed in on this computer for up to 4 hours, only while the pane is open, until you sign out or Hearth closes.";
    readonly signOut: "Sign out";
    readonly navLabel: "Grown-ups’ pane";
    readonly nav: {
        readonly requests: "Friend requests";
        readonly children: "Children and computers";
        readonly activity: "Activity";
        readonly computer: "Settings";
        readonly messages: "Messages to you";
        readonly later: "More";
    };
    readonly requests: {
        readonly none: "No friend requests yet.";
        readonly pair: "{{child}} and {{friend}}";
        readonly whoAsks: "{{friend}}’s grown-up is {{parent}}.";
        readonly group: {
            readonly mine: "Waiting for you";
            readonly kids: "Waiting for the children to say yes";
            readonly 'other-family': "Waiting for the other family";
            readonly active: "Friends";
            readonly blocked: "Blocked";
        };
        readonly stage: {
            readonly mine: "Both children said yes. Do you approve?";
            readonly kids: "The children have not both said yes yet.";
            readonly 'other-family': "You approved. Now {{friend}}’s grown-up needs to approve.";
            readonly active: "They can message and call each other.";
            readonly blocked: "{{child}} blocked {{friend}}.";
            readonly ended: "This friendship ended.";
        };
        readonly approve: "Approve";
        readonly decline: "Decline";
        readonly remove: "Remove friend";
        readonly block: "Block";
        readonly unblock: "Unblock";
    };
};
export declare const grownUpsEs: Spanish<typeof grownUpsEn>;
