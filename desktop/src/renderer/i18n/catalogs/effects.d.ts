/**
 * What the background effects tell the child, one sentence per notice code (the effects send only
 * codes), and the names the effects' own preview gives two choices. Composed into `backgrounds.*`.
 */
import type { Spanish } from '../translation';
export declare const effectsEn: {
    /** The effects' own preview (`EffectsPreview`) names two choices its own way. */
    readonly preview: {
        readonly off: "No background";
        readonly picture: "My picture";
    };
    readonly notice: {
        readonly 'effects-quality-lowered': "Your background looks a little softer now, so the call stays smooth.";
        readonly 'effects-engine-switched': "Your background is working a different way now, so the call stays smooth.";
        readonly 'effects-turned-off': "This computer got too busy, so your background is off. Your friend can see your room now. Your call keeps going!";
        readonly 'effects-unavailable': "Backgrounds are not working right now. Your friend can see your room. Your call still works!";
        readonly 'effects-picture-unreadable': "That picture did not work. Try another one!";
    };
};
export declare const effectsEs: Spanish<typeof effectsEn>;
