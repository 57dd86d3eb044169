/** What a child is told their grown-ups can see. */
import type { Spanish } from '../translation';
export declare const whatGrownUpsSeeEn: {
    readonly see: {
        readonly title: "What my grown-ups can see";
        readonly intro: "Your grown-ups look after you on Hearth. Here is what they can see.";
        readonly canSee: "My grown-ups can see";
        readonly sees: {
            readonly friends: "Who your friends are.";
            readonly time: "How long you use Hearth each day.";
            readonly who: "Who you message and call, and how many times.";
            readonly approve: "Every new friend. They say yes or no.";
        };
        readonly promises: "Hearth promises";
        readonly promise: {
            readonly noStrangers: "Nobody can find you. Only friends with your code can ask.";
            readonly ownSpace: "Your messages are in your own space. Other children on this computer cannot open them in Hearth.";
            readonly noLocation: "Hearth never knows where you are.";
        };
        readonly myWeek: "My week";
        readonly nothingYet: "Nothing yet this week.";
        readonly dayLine: "{{time}} on Hearth, {{sent}} messages sent, {{got}} messages received";
        readonly minutes_zero: "a few moments";
        readonly minutes_one: "{{count}} minute";
        readonly minutes_other: "{{count}} minutes";
        readonly with: "(with {{names}})";
    };
};
export declare const whatGrownUpsSeeEs: Spanish<typeof whatGrownUpsSeeEn>;
