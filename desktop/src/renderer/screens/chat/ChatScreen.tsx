import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Friend } from '@hearth/common';
import { useSlots } from '../../app/slots';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { Screen } from '../../ui/Screen';
import { ChatGames } from '../games/ChatGames';
import { ConnectionBanner } from '../kid/ConnectionBanner';
import { SuspensionBanner } from '../kid/SuspensionBanner';
import { reachableWhilePaused, useSuspended } from '../kid/use-suspension';
import { Composer } from './Composer';
import { MessageBubble } from './MessageBubble';
import { SearchPanel } from './SearchPanel';
import { useConversation } from './use-conversation';
import { useStickToBottom } from './use-stick-to-bottom';

/** A conversation with one friend or family member. */
export function ChatScreen({ friend, onBack }: Readonly<{ friend: Friend; onBack: () => void }>): ReactElement {
  const { t } = useTranslation();
  const { callActions } = useSlots();
  const other = friend.friendship.friend;
  const convo = useConversation(other.accountId);
  const [searching, setSearching] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  useStickToBottom(scroller, convo.messages.at(-1)?.messageId);
  // F16: a paused child writes and calls only their own guardians.
  const suspended = useSuspended();
  const paused = suspended && !reachableWhilePaused(friend);

  return (
    <Screen
      name="chat"
      title={other.displayName}
      onBack={onBack}
      leading={
        <Avatar
          avatar={other.avatar}
          name={other.displayName}
          id={other.accountId}
          size="medium"
          grownUp={other.kind === 'parent'}
        />
      }
      actions={
        <>
          <span className={`presence presence-${friend.presence}`}>
            <span className="presence-dot" aria-hidden="true" />
            {t(`presence.${friend.presence}`)}
          </span>
          {!paused && callActions?.(friend, 'chat')}
          <Button icon="🔍" aria-pressed={searching} onClick={() => setSearching((s) => !s)}>
            {t('chat.search')}
          </Button>
        </>
      }
    >
      <ConnectionBanner />
      {suspended && <SuspensionBanner />}
      {other.kind === 'parent' && (
        <p className="where-note" data-testid="grown-up-where">
          <span aria-hidden="true">💬 </span>
          {t('grownUpChat.where', { name: other.displayName })}
        </p>
      )}
      {searching && <SearchPanel contactId={other.accountId} friendName={other.displayName} />}
      <ErrorNote error={convo.error} />
      {!paused && <ChatGames contactId={other.accountId} friendName={other.displayName} />}
      {/* Scrolls by itself, so the composer stays at the bottom; focusable so keyboards can scroll it. */}
      <div
        ref={scroller}
        className="conversation"
        role="region"
        aria-label={t('chat.messagesWith', { name: other.displayName })}
        tabIndex={0}
      >
        {convo.hasMore && (
          <Button variant="quiet" onClick={convo.loadOlder}>
            {t('chat.older')}
          </Button>
        )}
        {convo.messages.length === 0 && (
          <p className="empty-note">
            <span aria-hidden="true">👋 </span>
            {t('chat.empty', { name: other.displayName })}
          </p>
        )}
        <ol className="messages">
          {convo.messages.map((m) => (
            <MessageBubble
              key={m.messageId}
              message={m}
              friendName={other.displayName}
              progress={'attachment' in m.content ? convo.progress.get(m.content.attachment.hash) : undefined}
            />
          ))}
        </ol>
      </div>
      {paused ? (
        <p className="composer composer-paused" data-testid="composer-paused">
          {t('kidSuspension.notice')}
        </p>
      ) : (
        <Composer contactId={other.accountId} onSent={convo.add} />
      )}
    </Screen>
  );
}
