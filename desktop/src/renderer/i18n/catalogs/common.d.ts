/** Words every screen shares: the app, buttons, avatars, presence, notifications, parent mode’s start. */
import type { Spanish } from '../translation';
export declare const commonEn: {
    readonly app: {
        readonly name: "Hearth";
        readonly starting: "Hearth is starting…";
        readonly lostConnection: "Hearth lost its connection to this computer’s Hearth service. Trying again…";
        readonly staleLink: {
            readonly title: "This Hearth window is out of date";
            readonly kids: "Please ask a grown-up to open Hearth again.";
            readonly grownUps: "For grown-ups: Hearth was started again, or this link has no key. Open the new link that “npm start” printed in the terminal (it ends in ?token=…), and close this tab.";
        };
    };
    readonly common: {
        readonly back: "Back";
        readonly cancel: "Cancel";
        readonly continue: "Continue";
        readonly save: "Save";
        readonly refresh: "Refresh";
        readonly dismiss: "Close";
        readonly unknown: "unknown";
        readonly language: "Language";
        readonly readAloud: "Read aloud";
        readonly newCount_one: "{{count}} new";
        readonly newCount_other: "{{count}} new";
    };
    readonly avatars: {
        readonly fox: "Fox";
        readonly cat: "Cat";
        readonly dog: "Dog";
        readonly bear: "Bear";
        readonly panda: "Panda";
        readonly frog: "Frog";
        readonly lion: "Lion";
        readonly unicorn: "Unicorn";
        readonly octopus: "Octopus";
        readonly rabbit: "Rabbit";
        readonly turtle: "Turtle";
        readonly owl: "Owl";
    };
    readonly presence: {
        readonly online: "Here now";
        readonly away: "Away";
        readonly 'in-call': "In a call";
        readonly offline: "Not here";
    };
    readonly notify: {
        readonly newMessage: "New message from {{name}}";
    };
    readonly parentStart: {
        readonly lead: "This is your own Hearth. Open your messages to talk with your children.";
        readonly open: "Open my messages";
        readonly signInAgain: "Sign in again";
        readonly signInAgainLead: "Your Hearth sign-in on this computer has ended. Please sign in again.";
    };
};
export declare const commonEs: Spanish<typeof commonEn>;
