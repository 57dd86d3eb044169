/**
 * "Forgot password?" (issue 12) on every grown-up sign-in: a code by email (or, on a Hearth server
 * that sends no email, from the person who runs it), then a new password. The first answer is the
 * same whether or not the address has an account.
 */
import type { Spanish } from '../translation';
export declare const emailRecoveryEn: {
    readonly forgot: {
        readonly link: "Forgot password?";
        readonly title: "A new password";
        readonly lead: "Type the email of your Hearth account. We will help you choose a new password.";
        readonly send: "Get a code";
        readonly cancel: "Back to sign-in";
        readonly sentEmail: "If this email has a Hearth account, we sent it a code. It can take a minute: look in the spam folder too.";
        readonly askOperator: "This Hearth server does not send email. Ask the person who runs it for a reset code. They run:";
        readonly operatorCommand: "npm run relay:admin -- reset-password --email {{email}}";
        readonly code: "Reset code";
        readonly codeHint: "6 digits";
        readonly newPassword: "New password for your Hearth account";
        readonly newPasswordAgain: "The new password again";
        readonly mismatch: "The two passwords are not the same.";
        readonly needBoth: "Type the new password twice to go on.";
        readonly needCode: "Type the 6-digit reset code to go on.";
        readonly whatHappens: "Saving the new password signs you out on every other computer and phone. The children’s computers keep working.";
        readonly save: "Save the new password";
        readonly differentEmail: "Use a different email";
        readonly doneTitle: "Your new password is saved";
        readonly done: "You are signed in here. Your other sessions were signed out: sign in again there with the new password. The children’s computers keep working as before.";
        readonly continue: "Continue";
    };
};
export declare const emailRecoveryEs: Spanish<typeof emailRecoveryEn>;
