/**
 * "Check your email" (issue 12): a relay that sends email asks for the emailed code after a
 * registration, and after a sign-in to an address not verified yet. The words never depend on
 * whether the address already had an account. Also the errors these codes can meet.
 */
import type { Spanish } from '../translation';
export declare const emailCheckEn: {
    readonly checkEmail: {
        readonly title: "Check your email";
        readonly lead: "We sent a 6-digit code to {{email}}. Type it here.";
        readonly spam: "It can take a minute. Look in the spam folder too.";
        readonly code: "Code from the email";
        readonly codeHint: "6 digits";
        readonly codeShort: "The code has 6 digits.";
        readonly needCode: "Type the 6-digit code from the email to go on.";
        readonly submit: "Continue";
        readonly resend: "Send the code again";
        readonly resendWait_one: "You can ask for a new code in {{count}} second.";
        readonly resendWait_other: "You can ask for a new code in {{count}} seconds.";
        readonly resent: "We sent a new code. Use the newest email.";
        readonly differentEmail: "Use a different email";
    };
};
export declare const emailCheckEs: Spanish<typeof emailCheckEn>;
/** The errors of the email steps, merged into `errors` (`errors.<code>`, `errors.emailCode.<code>`). */
export declare const emailErrorsEn: {
    readonly EMAIL_NOT_VERIFIED: "This email is not confirmed yet. Type the code we sent to it.";
    readonly CODE_INVALID: "That code does not work. Check the newest email, or send a new code.";
    readonly emailCode: {
        readonly CODE_INVALID: "That code does not work. Check the newest email, or send a new code.";
        readonly RATE_LIMITED: "That was a lot of tries. Please wait a little, or send a new code.";
        readonly VALIDATION_FAILED: "The code has 6 digits, and a new password at least 10 characters.";
    };
};
export declare const emailErrorsEs: Spanish<typeof emailErrorsEn>;
