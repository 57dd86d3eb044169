/** Call backgrounds: the screen and the chooser (`backgrounds.*`; the effects' own words are in `./effects`). */
import type { Spanish } from '../translation';
export declare const backgroundsEn: {
    readonly title: "My background";
    readonly intro: "Pick what your friends see behind you in a video call. Only you show up in front of it.";
    readonly mirror: "You, with your background";
    readonly pick: "Pick a background";
    readonly off: "None";
    readonly blur: "Blurry";
    readonly bundled: {
        readonly sunset: "Sunset";
        readonly ocean: "Ocean";
        readonly space: "Space";
        readonly meadow: "Meadow";
    };
    readonly myPictureN: "My picture {{n}}";
    readonly myPictures: "My own pictures";
    readonly staysHere: "Your pictures stay on this computer. Nobody else gets them.";
    readonly add: "Add my picture";
    readonly adding: "Adding your picture…";
    readonly deleteN: "Delete my picture {{n}}";
    readonly full: "You have {{count}} pictures. Delete one to add another.";
    readonly noCamera: "I cannot see your camera. You can still pick a background.";
    readonly inCall: "Background";
    readonly closeChooser: "Done";
};
export declare const backgroundsEs: Spanish<typeof backgroundsEn>;
