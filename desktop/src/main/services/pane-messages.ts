import {
  ErrorCode,
  HearthError,
  MAX_IDS_PER_FRAME,
  type ChildConversationArgs,
  type MessagePage,
  type PaneReply,
  type ReplyToChildArgs,
  type WsClientFrame,
} from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { getProfile } from '../db/family/queries/profiles';
import { listConversation } from '../db/child/queries/messages';
import { createUlidFactory } from '../ids';
import type { Logger } from '../logging/logger';
import type { ParentSession } from '../lock/parent-lock';
import type { PaneExchange } from '../relay/pane-socket';
import type { ChildStores } from '../stores/child-stores';
import type { ParentAccountService } from './parent-account';

/** One exchange on `/v1/ws` with the held session (`paneExchange`, bound to the relay's address). */
export type PaneSend = (token: string, frames: readonly WsClientFrame[], awaitSent?: string) => Promise<PaneExchange>;

/** "My grown-up" on the family PC: each child's conversation with the grown-up at the pane. */
export type PaneMessagesService = Readonly<{
  /** The child's conversation with this grown-up, from the child's store; the child's messages shown are marked read. */
  conversation: (args: ChildConversationArgs) => Promise<MessagePage>;
  /** A text from the grown-up to the child, sent with the held session (no device). */
  reply: (args: ReplyToChildArgs) => Promise<PaneReply>;
}>;

/**
 * Reads a child's conversation with the signed-in grown-up only: never the child's conversations
 * with friends, and never another grown-up's child. Main decides, whatever the renderer asks.
 */
export function createPaneMessagesService(
  deps: Readonly<{
    parent: Pick<ParentAccountService, 'withSession'>;
    familyDb: WritableDB;
    stores: ChildStores;
    send: PaneSend;
    now: () => number;
    logger: Logger;
  }>,
): PaneMessagesService {
  const newId = createUlidFactory();

  const checkChild = (childId: string, session: ParentSession): void => {
    const profile = getProfile(deps.familyDb, childId);
    if (!profile || profile.kind !== 'child' || profile.parentId !== session.parentId) {
      throw new HearthError(ErrorCode.Forbidden, 'Only your own children’s conversations with you can be read here.');
    }
  };

  return Object.freeze({
    conversation: (args: ChildConversationArgs) =>
      deps.parent.withSession(async (token, session) => {
        if (args.contactId !== session.parentId) {
          throw new HearthError(ErrorCode.Forbidden, 'Only a child’s conversation with you can be read here.');
        }
        checkChild(args.childId, session);
        const page = listConversation(deps.stores.get(args.childId).db, session.parentId, {
          limit: args.limit ?? 100,
          ...(args.before !== undefined ? { before: args.before } : {}),
        });
        // The child's messages the relay holds for the grown-up: shown here, so delivered.
        const shown = page.messages.filter((m) => m.direction === 'out' && m.state === 'sent').map((m) => m.messageId);
        for (let i = 0; i < shown.length; i += MAX_IDS_PER_FRAME) {
          await deps
            .send(token, [{ type: 'read', ids: shown.slice(i, i + MAX_IDS_PER_FRAME) }])
            .catch((err: unknown) => deps.logger.warn({ err }, 'could not tell the relay the pane showed a child’s messages'));
        }
        return page;
      }),

    reply: (args: ReplyToChildArgs) =>
      deps.parent.withSession(async (token, session) => {
        checkChild(args.childId, session);
        const id = newId(deps.now());
        const { sentAt } = await deps.send(
          token,
          [{ type: 'send', id, to: args.childId, content: { kind: 'text', text: args.text } }],
          id,
        );
        return { messageId: id, sentAt: sentAt ?? deps.now() };
      }),
  });
}
