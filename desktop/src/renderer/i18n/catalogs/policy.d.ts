/** The privacy promises a grown-up agrees to before adding children. */
import type { Spanish } from '../translation';
export declare const policyEn: {
    readonly policy: {
        readonly lead: "Hearth is built for children. Before you add yours, here is what we promise and what you agree to.";
        readonly points: {
            readonly noStrangers: {
                readonly title: "No strangers.";
                readonly text: "There is no search and no directory. Children become friends only by swapping a code in person.";
            };
            readonly approve: {
                readonly title: "You approve every friend.";
                readonly text: "Both children say yes, then both families’ grown-ups approve.";
            };
            readonly see: {
                readonly title: "You see what they do.";
                readonly text: "Who they talk to, what they use and for how long. Your child can see what you see.";
            };
            readonly noAds: {
                readonly title: "No ads, no profiling.";
                readonly text: "Nothing your child does is used to show them ads or suggestions.";
            };
            readonly shortKeep: {
                readonly title: "Messages do not pile up.";
                readonly text: "The Hearth server keeps a message only until it is delivered, at most 15 days. Conversations stay on this computer.";
            };
            readonly noLocation: {
                readonly title: "No location.";
                readonly text: "Hearth never asks where your child is. Photos lose their location before they are sent.";
            };
        };
        readonly notYet: "Not built yet: deleting a child’s account or downloading their data from the app. Until then, ask whoever runs your Hearth server.";
        readonly fullTitle: "The privacy policy";
        readonly version: "Privacy policy version";
        readonly published: "published {{date}}";
        readonly agree: "I have read the privacy policy (version {{version}}) and I agree to it, as the parent or guardian of the children I add.";
    };
};
export declare const policyEs: Spanish<typeof policyEn>;
