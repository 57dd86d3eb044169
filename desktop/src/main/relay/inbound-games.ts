import type { GameMoveContent, RelayedMessage } from '@hearth/common';
import { insertMessage } from '../db/child/queries/messages';
import { setMessageRaw } from '../db/child/queries/reports';
import type { ConnectionContext } from './connection-context';

/**
 * A `game-move` message (F9), from a friend or a copy of the child's own move from their other PC. It is
 * kept like any message (deduped by id, its raw form for reports, delivery states for the sender) but is
 * not a chat bubble: no `message` event, no activity line; the games service checks and applies each
 * envelope. Never throws: a failure is logged and the message is still acknowledged.
 */
export function receiveGameMove(
  ctx: ConnectionContext,
  m: RelayedMessage & { content: GameMoveContent },
  outgoing: boolean,
  raw: string | undefined,
): void {
  const contactId = outgoing ? m.to : m.from;
  try {
    ctx.db.transaction(() => {
      const inserted = insertMessage(ctx.db, {
        id: m.id,
        contactId,
        direction: outgoing ? 'out' : 'in',
        content: m.content,
        sentAt: m.sentAt,
        storedAt: ctx.now(),
        state: outgoing ? 'sent' : 'received',
      });
      if (inserted && raw !== undefined) setMessageRaw(ctx.db, m.id, raw);
    })();
    if (!ctx.games) ctx.log.warn({ messageId: m.id }, 'a game move arrived but games are not wired here');
    ctx.games?.receive(ctx.childId, { contactId, mover: m.from, moves: m.content.moves });
  } catch (err) {
    ctx.log.error({ err, messageId: m.id }, 'a game move could not be handled');
  }
}
