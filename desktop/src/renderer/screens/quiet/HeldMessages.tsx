import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Friend, MessageView } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { reportProblem } from '../../app/report-problem';
import { useHearthEvent } from '../../app/use-event';
import { WaitsForMorning } from './WaitsForMorning';

type Held = Readonly<{ message: MessageView; name: string }>;

/** How far back each conversation is looked at for messages still in the outbox. */
const RECENT = 20;

/**
 * On the quiet screen: the child's messages to friends that quiet time holds in the outbox, each
 * "waits for morning" (the chats themselves are closed until quiet time ends, so this is where
 * the child sees them). Nothing while none is held.
 */
export function HeldMessages({ friends }: Readonly<{ friends: readonly Friend[] }>): ReactElement | null {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [held, setHeld] = useState<readonly Held[]>([]);
  const [changed, setChanged] = useState(0);
  // A held message that leaves (or a new one) comes back as a `message` event.
  useHearthEvent('message', (m: MessageView) => {
    if (m.direction === 'out') setChanged((n) => n + 1);
  });
  const ids = friends.map((f) => f.friendship.friend.accountId).join(' ');
  useEffect(() => {
    let live = true;
    void Promise.all(
      friends.map(async (f) => {
        const r = await hearth.listMessages({ contactId: f.friendship.friend.accountId, limit: RECENT });
        if (!r.ok) {
          reportProblem(hearth, 'app', 'held-messages', r.error);
          return [];
        }
        return r.value.messages
          .filter((m) => m.direction === 'out' && m.state === 'queued')
          .map((message) => ({ message, name: f.friendship.friend.displayName }));
      }),
    ).then((lists) => {
      if (live) setHeld(lists.flat().sort((a, b) => a.message.sentAt - b.message.sentAt));
    });
    return () => {
      live = false;
    };
    // `ids` stands for `friends` (a new array at each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hearth, ids, changed]);
  if (held.length === 0) return null;
  return (
    <section aria-labelledby="quiet-held" className="quiet-held" data-testid="held-messages">
      <h2 id="quiet-held">{t('quietHeld.title')}</h2>
      <ul>
        {held.map(({ message, name }) => (
          <li key={message.messageId} className="quiet-held-message" data-message-id={message.messageId}>
            <span className="quiet-held-to">{t('quietHeld.to', { name })}</span>
            {message.content.kind === 'text' && <q>{message.content.text}</q>}
            <WaitsForMorning />
          </li>
        ))}
      </ul>
    </section>
  );
}
