/** The child’s home screen and adding a friend with a code. */
import type { Spanish } from '../translation';
export declare const kidHomeEn: {
    readonly home: {
        readonly hello: "Hi, {{name}}!";
        readonly helloParent: "Hello, {{name}}";
        readonly whatGrownUpsSee: "What my grown-ups see";
        readonly myBackground: "My background";
        readonly switch: "Not me";
        readonly closeMessages: "Close my messages";
        readonly friendsAndFamily: "My friends and family";
        readonly myChildren: "My children";
        readonly myGrownUp: "My grown-up";
        readonly myChild: "My child";
        readonly noFriendsYet: "No friends yet. Add a friend with a code!";
        readonly noChildren: "Your children show up here once you have added them.";
        readonly addFriend: "Add a friend";
        readonly requests: "Friend requests";
        readonly wantsToBeFriends: "{{name}} wants to be your friend!";
        readonly waitingForFriend: "Waiting for {{name}} to say yes.";
        readonly waitingForGrownUps: "You and {{name}} said yes! Now the grown-ups need to say yes too.";
        readonly yes: "Yes!";
        readonly noThanks: "No, thanks";
        readonly offline: "Hearth is not connected right now. Your messages will go as soon as it is back.";
    };
    readonly addFriend: {
        readonly titles: {
            readonly menu: "Add a friend";
            readonly show: "My friend code";
            readonly type: "My friend’s code";
            readonly waiting: "Almost friends!";
        };
        readonly lead: "Swap codes with your friend when you are together.";
        readonly showMine: "Show my code";
        readonly showMineText: "Read it out to your friend.";
        readonly typeTheirs: "Type my friend’s code";
        readonly typeTheirsText: "Your friend reads their code to you.";
        readonly readThis: "Read this code to your friend:";
        readonly readCode: "Read my code aloud";
        readonly codeRules: "It works once, for one day.";
        readonly done: "Done";
        readonly typeLabel: "Type your friend’s code";
        readonly send: "Send";
        readonly codeProblem: "Friend codes never use “{{chars}}”. Ask your friend to read it again.";
        readonly needCode: "A code has 8 letters and numbers, like ACDE-FGHJ.";
        readonly waiting: "You asked {{name}} to be friends!";
        readonly waitingMore: "Now your grown-ups and {{name}}’s grown-ups need to say yes. Then you can talk!";
        readonly backHome: "Back home";
    };
};
export declare const kidHomeEs: Spanish<typeof kidHomeEn>;
