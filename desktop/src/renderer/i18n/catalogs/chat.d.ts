/** A conversation: messages, search, recording, things to send. */
import type { Spanish } from '../translation';
export declare const chatEn: {
    readonly chat: {
        readonly search: "Search";
        readonly searchLabel: "Search messages with {{name}}";
        readonly searchGo: "Find";
        readonly searchCount_one: "{{count}} message found";
        readonly searchCount_other: "{{count}} messages found";
        readonly older: "Show older messages";
        readonly empty: "Say hello to {{name}}!";
        readonly messagesWith: "Messages with {{name}}";
        readonly you: "You";
        readonly youSaid: "You said:";
        readonly theySaid: "{{name}} said:";
        readonly readMessage: "Read this message aloud";
        readonly unknownSticker: "A sticker this Hearth does not have yet";
        readonly gameMove: "A move in a game";
        readonly photoFrom: "A photo from {{name}}";
        readonly photoMine: "A photo you sent";
        readonly voiceFrom: "Voice message from {{name}}, {{duration}}";
        readonly voiceMine: "Your voice message, {{duration}}";
        readonly videoFrom: "Video message from {{name}}, {{duration}}";
        readonly videoMine: "Your video message, {{duration}}";
        readonly attachmentComing: "On its way…";
        readonly attachmentMissing: "This is not on this computer any more.";
        readonly uploading: "Sending the file";
        readonly preparing: "Getting it ready…";
        readonly writeLabel: "Write a message";
        readonly writePlaceholder: "Write a message…";
        readonly send: "Send";
        readonly newLineHint: "Enter sends. Shift+Enter starts a new line.";
        readonly lettersLeft_one: "{{count}} letter left";
        readonly lettersLeft_other: "{{count}} letters left";
        readonly tooLong_one: "{{count}} letter too many: make it a bit shorter to send it.";
        readonly tooLong_other: "{{count}} letters too many: make it a bit shorter to send it.";
        readonly emoji: "Emoji";
        readonly tools: {
            readonly label: "Things to send";
            readonly emoji: "Emoji";
            readonly stickers: "Stickers";
            readonly gifs: "GIFs";
            readonly voice: "Voice";
            readonly video: "Video";
            readonly photo: "Photo";
        };
        readonly state: {
            readonly queued: "Waiting to send";
            readonly sent: "Sent";
            readonly delivered: "Delivered";
            readonly read: "Seen";
            readonly expired: "Not delivered";
            readonly failed: "Not sent";
            readonly received: "";
        };
        readonly call: {
            readonly completed: "Call";
            readonly missed: "Missed call";
            readonly declined: "Call not answered";
            readonly cancelled: "Call cancelled";
        };
    };
};
export declare const chatEs: Spanish<typeof chatEn>;
