/** Around a message: the photo preview, a message's own actions, unsending, and recording. */
import type { Spanish } from '../translation';
export declare const chatToolsEn: {
    readonly photoPreview: {
        readonly label: "Send this photo?";
        readonly send: "Send photo";
        readonly cancel: "Cancel";
    };
    readonly actions: {
        readonly more: "More for this message";
        readonly deleteForMe: "Delete for me";
        readonly deleteHint: "It goes away from this computer only.";
        readonly unsend: "Unsend";
        readonly unsendHint: "Take it back before {{name}} gets it.";
        readonly unsending: "Taking it back…";
    };
    readonly unsendRefused: {
        readonly ALREADY_DELIVERED: "Too late to unsend: {{name}} already has it.";
        readonly TOO_LATE: "Too late to unsend: it was sent more than 2 minutes ago.";
        readonly NOT_FOUND: "This message cannot be unsent.";
    };
    readonly record: {
        readonly voiceTitle: "Voice message";
        readonly videoTitle: "Video message";
        readonly voiceHint: "Press the button and talk. Press it again to send.";
        readonly videoHint: "Press the button to film a short video (up to 2 minutes).";
        readonly voiceDenied: "Hearth cannot use the microphone. Ask a grown-up to help.";
        readonly videoDenied: "Hearth cannot use the camera. Ask a grown-up to help.";
        readonly start: "Start";
        readonly recording: "Recording";
        readonly stopAndSend: "Stop and send";
    };
};
export declare const chatToolsEs: Spanish<typeof chatToolsEn>;
