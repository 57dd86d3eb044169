/** The grown-ups’ pane: activity, settings, what comes later. (`pane.*`) */
import type { Spanish } from '../translation';
export declare const grownUpsSettingsEn: {
    readonly activity: {
        readonly lead: "What each child on this computer did in the last 7 days. Your children can see this too.";
        readonly noChildren: "No children on this computer.";
        readonly none: "Nothing yet.";
        readonly caption: "Activity of {{name}}";
        readonly day: "Day";
        readonly minutes: "Minutes";
        readonly sent: "Sent";
        readonly received: "Received";
        readonly calls: "Calls";
        readonly people: "People";
    };
    readonly settings: {
        readonly autoLock: "Lock the grown-ups’ pane after";
        readonly minutes_one: "{{count}} minute";
        readonly minutes_other: "{{count}} minutes";
        readonly languageAuto: "Same as this computer";
        readonly readAloud: "Show read-aloud buttons on every screen, for children who cannot read yet";
        readonly relayOnlyCalls: "Send calls through the Hearth server, so no computer address reaches the other family";
        readonly changePassword: "Change the grown-ups’ password";
        readonly currentPassword: "Current password";
        readonly newPassword: "New password";
        readonly passwordSaved: "The new password is saved.";
        readonly parentMode: "Parent mode";
        readonly parentModeText: "This computer keeps you signed in so you can message your children. Leaving parent mode signs you out here.";
        readonly leaveParentMode: "Leave parent mode";
        readonly startParentModeText: "No children use this computer. Make it your own Hearth: stay signed in here and message your children.";
        readonly startParentMode: "Use parent mode here";
    };
    readonly later: {
        readonly soon: "Coming soon";
        readonly quietHours: {
            readonly title: "Quiet hours";
            readonly text: "Times when Hearth does not ring and messages wait until morning.";
        };
        readonly reports: {
            readonly title: "Reports";
            readonly text: "What your children reported, and who they blocked.";
        };
        readonly deleteExport: {
            readonly title: "Delete or export";
            readonly text: "Download all of a child’s data, or delete their account and everything in it.";
        };
    };
};
export declare const grownUpsSettingsEs: Spanish<typeof grownUpsSettingsEn>;
