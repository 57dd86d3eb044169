/** The grown-ups’ pane: children and computers. (`pane.*`) */
import type { Spanish } from '../translation';
export declare const grownUpsChildrenEn: {
    readonly children: {
        readonly add: "Add a child";
        readonly onPc: "on this computer";
        readonly notOnPc: "not on this computer";
        readonly hasPictures: "secret pictures on";
        readonly rename: "Rename";
        readonly setPictures: "Set secret pictures";
        readonly changePictures: "Change secret pictures";
        readonly removePictures: "Turn off secret pictures";
        readonly picturesPrompt: "Tap 3 to 6 secret pictures for {{name}}, in order.";
        readonly picturesAgain: "Tap the same pictures again.";
        readonly picturesMismatch: "The pictures were not the same. Please start again.";
        readonly removeFromPc: "Remove from this computer";
        readonly removeConfirm: "Remove {{name}} from this computer? Their messages on this computer are deleted. Their account stays.";
        readonly removeYes: "Yes, remove";
        readonly addToPc: "Add to this computer";
    };
    readonly devices: {
        readonly title: "Computers";
        readonly none: "No computers yet.";
        readonly thisPc: "this computer";
        readonly details: "{{os}} · Hearth {{version}} · since {{date}} · {{language}} · {{zone}}";
        readonly children: "Used by {{names}}";
        readonly noChildren: "No children use it now.";
        readonly revoke: "Take this computer off Hearth";
        readonly revokeYes: "Yes, take it off";
        readonly revoked: "Taken off Hearth.";
    };
};
export declare const grownUpsChildrenEs: Spanish<typeof grownUpsChildrenEn>;
