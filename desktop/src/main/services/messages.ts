import { createUlidFactory } from '../ids';
import {
  ErrorCode,
  HearthError,
  type ListMessagesArgs,
  type MessagePage,
  type MessageView,
  type SearchMessagesArgs,
  type SearchResults,
  type SendMessageArgs,
  unsendableText,
} from '@hearth/common';
import { getContact, markReadUpTo } from '../db/child/queries/contacts';
import { insertMessage, getMessage, listConversation, removeMessage, searchMessages } from '../db/child/queries/messages';
import { enqueueOutbox } from '../db/child/queries/outbox';
import { getAttachment } from '../db/child/queries/attachments';
import { logActivity } from '../db/child/queries/activity';
import type { ChildStores } from '../stores/child-stores';
import type { EventHub } from './event-hub';
import type { SyncControl } from './ports';

export type MessagesService = Readonly<{
  send: (childId: string, args: SendMessageArgs) => MessageView;
  list: (childId: string, args: ListMessagesArgs) => MessagePage;
  search: (childId: string, args: SearchMessagesArgs) => SearchResults;
  markRead: (childId: string, contactId: string, upTo: string) => void;
  /** "Delete for me": the message leaves this PC's store only (it is never stored here again). */
  deleteForMe: (childId: string, messageId: string) => void;
  /** Asks the relay to take back a sent message of the child's; the answer comes as an event. */
  unsend: (childId: string, messageId: string) => void;
}>;

/** What the outbox keeps for one message; the relay frame is built from it at send time. */
export type OutboxPayload = Readonly<{ id: string; to: string; content: SendMessageArgs['content'] }>;

/**
 * A child's messages. Sending only writes the message and its outbox entry in one transaction;
 * the relay connection sends it from there, so nothing is lost if anything dies mid-send.
 */
export function createMessagesService(
  deps: Readonly<{
    stores: ChildStores;
    sync: SyncControl;
    events: EventHub;
    now: () => number;
    /** Quiet now for this child, as the relay last said (issue 14); never quiet when absent. */
    isQuiet?: (childId: string) => boolean;
    /** Paused by Hearth's moderators, as the relay last said (issue 15). */
    isSuspended?: (childId: string) => boolean;
  }>,
): MessagesService {
  const newId = createUlidFactory();
  return Object.freeze({
    send(childId: string, args: SendMessageArgs): MessageView {
      const { db } = deps.stores.get(childId);
      const contact = getContact(db, args.contactId);
      if (!contact || contact.friendship.status !== 'active') {
        throw new HearthError(ErrorCode.NotFriends, 'You can only send messages to friends your grown-ups said yes to.');
      }
      const unsendable = unsendableText(args.content);
      if (unsendable) throw new HearthError(ErrorCode.ValidationFailed, unsendable);
      // During quiet time only the child's own grown-ups are reached; the relay refuses the rest anyway.
      if (deps.isQuiet?.(childId) && !contact.friendship.friend.familyRole) {
        throw new HearthError(ErrorCode.QuietHours, 'It is quiet time now. Your message can go when it ends.');
      }
      // Paused by Hearth's moderators (F16): only the child's own guardians are reached.
      if (deps.isSuspended?.(childId) && contact.friendship.friend.familyRole !== 'guardian') {
        throw new HearthError(ErrorCode.AccountSuspended, 'A grown-up at Hearth paused your account for now.');
      }
      const c = args.content;
      // Games (F9) go through the games service, which checks each move by the rules; never as a chat message.
      if (c.kind === 'game-move' || c.kind === 'game') {
        throw new HearthError(ErrorCode.ValidationFailed, 'Games are played from the Play button.');
      }
      if ((c.kind === 'photo' || c.kind === 'voice' || c.kind === 'video') && !getAttachment(db, c.attachment.hash)) {
        throw new HearthError(ErrorCode.NotFound, 'That picture or recording is not on this computer any more.');
      }
      const now = deps.now();
      const id = newId(now);
      db.transaction(() => {
        insertMessage(db, {
          id,
          contactId: args.contactId,
          direction: 'out',
          content: c,
          sentAt: now,
          storedAt: now,
          state: 'queued',
        });
        const payload: OutboxPayload = { id, to: args.contactId, content: c };
        enqueueOutbox(db, { messageId: id, contactId: args.contactId, payload, now });
        logActivity(db, { at: now, kind: 'message-sent', contactId: args.contactId });
      })();
      const view = getMessage(db, id);
      if (!view) throw new HearthError(ErrorCode.Internal, 'The message was not stored.');
      deps.events.emitForChild(childId, 'message', view);
      deps.sync.kick(childId);
      return view;
    },
    list: (childId: string, args: ListMessagesArgs) =>
      listConversation(deps.stores.get(childId).db, args.contactId, {
        limit: args.limit ?? 50,
        ...(args.before !== undefined ? { before: args.before } : {}),
      }),
    search: (childId: string, args: SearchMessagesArgs) => ({
      hits: searchMessages(deps.stores.get(childId).db, args.query, {
        limit: args.limit ?? 50,
        ...(args.contactId !== undefined ? { contactId: args.contactId } : {}),
      }),
    }),
    markRead(childId: string, contactId: string, upTo: string): void {
      markReadUpTo(deps.stores.get(childId).db, contactId, upTo);
    },
    deleteForMe(childId: string, messageId: string): void {
      const { db } = deps.stores.get(childId);
      const gone = db.transaction(() => removeMessage(db, messageId, 'deleted', deps.now()))();
      if (!gone) throw new HearthError(ErrorCode.NotFound, 'That message is not here any more.');
      deps.events.emitForChild(childId, 'messageRemoved', { messageId, contactId: gone.contactId, reason: 'deleted' });
    },
    unsend(childId: string, messageId: string): void {
      const m = getMessage(deps.stores.get(childId).db, messageId);
      // Only a message the relay holds (`sent`) can be taken back; the relay decides if it is still in time.
      if (!m || m.direction !== 'out' || m.state !== 'sent') {
        throw new HearthError(ErrorCode.InvalidTransition, 'Only your own message that was not delivered yet can be unsent.');
      }
      if (!deps.sync.unsend(childId, messageId)) {
        throw new HearthError(ErrorCode.Unavailable, 'This computer is not connected just now. Try again in a moment.');
      }
    },
  });
}
