/**
 * "Hearth needs an update": grown-ups get what to do, children get kid words and are sent to a
 * grown-up.
 */
import type { Spanish } from '../translation';
export declare const updateEn: {
    readonly update: {
        readonly grownUps: {
            readonly title: "Hearth needs an update";
            readonly body: "The Hearth server this computer uses now works only with newer versions of Hearth ({{min}} or later; this one is {{version}}). Please install the latest Hearth. Until then, messages wait and calls cannot start.";
            readonly bodyNoMin: "The Hearth server this computer uses now works only with newer versions of Hearth (this one is {{version}}). Please install the latest Hearth. Until then, messages wait and calls cannot start.";
        };
        readonly kids: {
            readonly title: "Hearth needs a grown-up";
            readonly body: "Hearth needs a little update before it can talk to your friends. Please ask a grown-up to help!";
        };
    };
};
export declare const updateEs: Spanish<typeof updateEn>;
