/** "My grown-up" on the family PC: the pane's messages section (`pane.messages.*`) and the child's note (`grownUpChat.*`). */
import type { Spanish } from '../translation';
export declare const grownUpsMessagesEn: {
    readonly messages: {
        readonly lead: "What each of your children on this computer wrote to you, and your answers. Only their conversations with you are here; their chats with friends stay theirs.";
        readonly noChildren: "None of your children uses this computer.";
        readonly pick: "Whose messages";
        readonly with: "Messages between {{name}} and you";
        readonly none: "{{name}} has not written to you yet.";
        readonly fromChild: "{{name}}:";
        readonly fromYou: "You:";
        readonly notText: "A picture, sticker or recording.";
        readonly sending: "Sending…";
        readonly replyLabel: "Your answer to {{name}}";
        readonly send: "Send";
    };
};
export declare const grownUpsMessagesEs: Spanish<typeof grownUpsMessagesEn>;
export declare const grownUpChatEn: {
    readonly grownUpChat: {
        readonly where: "{{name}} reads this in the grown-ups’ pane on this computer, or on their own computer.";
    };
};
export declare const grownUpChatEs: Spanish<typeof grownUpChatEn>;
