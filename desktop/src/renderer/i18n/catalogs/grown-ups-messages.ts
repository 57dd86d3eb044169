/** "My grown-up" on the family PC: the pane's messages section (`pane.messages.*`) and the child's note (`grownUpChat.*`). */
import type { Spanish } from '../translation';

export const grownUpsMessagesEn = {
  messages: {
    lead: 'What each of your children on this computer wrote to you, and your answers. Only their conversations with you are here; their chats with friends stay theirs.',
    noChildren: 'None of your children uses this computer.',
    pick: 'Whose messages',
    with: 'Messages between {{name}} and you',
    none: '{{name}} has not written to you yet.',
    fromChild: '{{name}}:',
    fromYou: 'You:',
    notText: 'A picture, sticker or recording.',
    sending: 'Sending…',
    replyLabel: 'Your answer to {{name}}',
    send: 'Send',
  },
} as const;

export const grownUpsMessagesEs: Spanish<typeof grownUpsMessagesEn> = {
  messages: {
    lead: 'Lo que cada uno de tus hijos de esta computadora te escribió, y tus respuestas. Aquí solo están sus conversaciones contigo; sus chats con amigos son suyos.',
    noChildren: 'Ninguno de tus hijos usa esta computadora.',
    pick: 'Mensajes de quién',
    with: 'Mensajes entre {{name}} y tú',
    none: '{{name}} todavía no te escribió.',
    fromChild: '{{name}}:',
    fromYou: 'Tú:',
    notText: 'Una foto, un sticker o una grabación.',
    sending: 'Enviando…',
    replyLabel: 'Tu respuesta para {{name}}',
    send: 'Enviar',
  },
};

export const grownUpChatEn = {
  grownUpChat: {
    where: '{{name}} reads this in the grown-ups’ pane on this computer, or on their own computer.',
  },
} as const;

export const grownUpChatEs: Spanish<typeof grownUpChatEn> = {
  grownUpChat: {
    where: '{{name}} lo lee en el panel de los mayores de esta computadora, o en su propia computadora.',
  },
};
