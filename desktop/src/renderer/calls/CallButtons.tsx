import { useContext, useState, type ReactElement } from 'react';
import type { Friend } from '@hearth/common';
import { Button } from '../ui/Button';
import { CallLog } from './CallLog';
import { CallsContext, useCallView } from './calls-context';
import { useCallsTranslation } from './use-calls-translation';

/**
 * Video and voice call buttons for one contact (a friend's card shows the pictures only; the
 * chat's header the words too, and the calls with this friend). Off while a call is going on,
 * while calls are not connected, or when the contact is offline or not an active friend.
 */
export function CallButtons({ friend, place }: Readonly<{ friend: Friend; place: 'card' | 'chat' }>): ReactElement {
  const { t } = useCallsTranslation();
  const service = useContext(CallsContext);
  const view = useCallView();
  const [history, setHistory] = useState(false);
  const other = friend.friendship.friend;
  const usable =
    service !== null &&
    friend.friendship.status === 'active' &&
    !friend.friendship.iBlocked &&
    friend.presence !== 'offline' &&
    view.signaling === 'online' &&
    (view.phase === 'idle' || view.phase === 'ended');
  const name = other.displayName;
  const size = place === 'card' ? 'normal' : 'small';
  return (
    <span className="call-buttons">
      <Button
        icon="📹"
        size={size}
        disabled={!usable}
        aria-label={t('videoCallWith', { name })}
        title={t('videoCallWith', { name })}
        data-testid={`call-video-${other.accountId}`}
        onClick={() => void service?.dial(other.accountId, { video: true })}
      >
        {place === 'chat' ? t('videoCall') : null}
      </Button>
      <Button
        icon="📞"
        size={size}
        disabled={!usable}
        aria-label={t('audioCallWith', { name })}
        title={t('audioCallWith', { name })}
        data-testid={`call-audio-${other.accountId}`}
        onClick={() => void service?.dial(other.accountId, { video: false })}
      >
        {place === 'chat' ? t('audioCall') : null}
      </Button>
      {place === 'chat' && (
        <span className="call-history">
          <Button
            icon="🕘"
            size={size}
            aria-expanded={history}
            data-testid={`call-history-${other.accountId}`}
            onClick={() => setHistory((h) => !h)}
          >
            {t('log.title')}
          </Button>
          {history && (
            <div className="call-history-panel">
              <CallLog friends={[friend]} contactId={other.accountId} />
            </div>
          )}
        </span>
      )}
    </span>
  );
}
