/** A friendly sentence per error code, with sharper ones for some screens (`errors.<context>.<code>`). */
import type { Spanish } from '../translation';
export declare const errorsEn: {
    readonly errors: {
        readonly generic: "Something went wrong. Please try again.";
        readonly VALIDATION_FAILED: "Something in the form is not quite right. Please check it.";
        readonly UNAVAILABLE: "Hearth cannot reach its server right now. Please try again soon.";
        readonly UNAUTHENTICATED: "Please sign in again.";
        readonly FORBIDDEN: "That is not allowed here.";
        readonly NOT_FOUND: "That could not be found any more.";
        readonly RATE_LIMITED: "That was a lot of tries. Please wait a little, then try again.";
        readonly EMAIL_TAKEN: "There is already an account with this email. Try signing in instead.";
        readonly USERNAME_TAKEN: "That username is taken. Please pick another one.";
        readonly CONSENT_REQUIRED: "Please agree to the privacy policy first.";
        readonly POLICY_VERSION_MISMATCH: "The privacy policy has changed. Please read it again.";
        readonly INVITE_INVALID: "That code does not work. Check the letters, or ask your friend for a new code.";
        readonly INVITE_OWN: "That is your own code! Give it to a friend.";
        readonly NOT_FRIENDS: "You can only talk to friends your grown-ups said yes to.";
        readonly LOCKED: "Ask a grown-up to unlock the grown-ups’ pane.";
        readonly WRONG_PASSWORD: "That password is not right.";
        readonly CONFLICT: "That cannot be done on this computer.";
        readonly PAYLOAD_TOO_LARGE: "That file is too big to send.";
        readonly UNSUPPORTED_MEDIA_TYPE: "Hearth cannot send that kind of file.";
        readonly APP_TOO_OLD: "Hearth needs an update to talk to its server. Please ask a grown-up to install the latest Hearth.";
        readonly QUOTA_EXCEEDED: "There is no more room for files right now. Wait until your friends have them, then try again.";
        readonly STORAGE_FULL: "The Hearth server is full right now. Please try again later.";
        readonly account: {
            readonly UNAUTHENTICATED: "That email and password do not match a Hearth account.";
            readonly FORBIDDEN: "This computer belongs to another family’s Hearth account.";
            readonly CONFLICT: "This computer is set up for children. Parent mode is for your own computer.";
        };
        readonly unlock: {
            readonly WRONG_PASSWORD: "That is not the grown-ups’ password.";
            readonly RATE_LIMITED: "Too many wrong tries. Please wait, then try again.";
        };
        readonly accountUnlock: {
            readonly WRONG_PASSWORD: "That email and password do not match a Hearth account.";
            readonly FORBIDDEN: "Only the grown-up who set up this computer, or whose child has a profile on it, can open the pane with their account.";
            readonly RATE_LIMITED: "The Hearth server asks you to wait a little before trying this account again.";
            readonly CONFLICT: "Hearth is not set up on this computer yet.";
        };
        readonly pictures: {
            readonly WRONG_PASSWORD: "Those are not your secret pictures. Try again!";
            readonly RATE_LIMITED: "Let’s wait a little bit, then try your pictures again.";
        };
        readonly invite: {
            readonly RATE_LIMITED: "That is a lot of codes! Please wait a while before making another.";
        };
        readonly redeem: {
            readonly FORBIDDEN: "Only children can add friends with a code.";
        };
        readonly send: {
            readonly NOT_FRIENDS: "You can only send messages to friends your grown-ups said yes to.";
        };
        readonly child: {
            readonly USERNAME_TAKEN: "That username is taken. Please pick another one.";
        };
        readonly backgrounds: {
            readonly UNSUPPORTED_MEDIA_TYPE: "That is not a picture Hearth can use. Try a photo!";
            readonly PAYLOAD_TOO_LARGE: "That picture is too big. Try a smaller one!";
            readonly CONFLICT: "You have lots of pictures already. Delete one first.";
        };
    };
};
export declare const errorsEs: Spanish<typeof errorsEn>;
