import { useContext, useState, type ReactElement } from 'react';
import type { Friend } from '@hearth/common';
import { Button } from '../ui/Button';
import { CallLog } from './CallLog';
import { CallsContext, useCallViewOf } from './calls-context';
import type { CallView } from './call-types';
import { useCallsTranslation } from './use-calls-translation';

/** Whether a call can be placed now: calls connected and no call going on. */
const canDial = (view: CallView): boolean => view.signaling === 'online' && (view.phase === 'idle' || view.phase === 'ended');

/** The two ways to call: video first, then voice only. */
const DIALS = [
  { video: true, icon: '📹', testId: 'call-video', callWith: 'videoCallWith', word: 'videoCall' },
  { video: false, icon: '📞', testId: 'call-audio', callWith: 'audioCallWith', word: 'audioCall' },
] as const;

/**
 * Video and voice call buttons for one contact (a friend's card shows the pictures only; the
 * chat's header the words too, and the calls with this friend). Off while a call is going on,
 * while calls are not connected, or when the contact is offline or not an active friend.
 */
export function CallButtons({ friend, place }: Readonly<{ friend: Friend; place: 'card' | 'chat' }>): ReactElement {
  const { t } = useCallsTranslation();
  const service = useContext(CallsContext);
  const dialable = useCallViewOf(canDial);
  const [history, setHistory] = useState(false);
  const other = friend.friendship.friend;
  const usable =
    service !== null &&
    friend.friendship.status === 'active' &&
    !friend.friendship.iBlocked &&
    friend.presence !== 'offline' &&
    dialable;
  const name = other.displayName;
  const size = place === 'card' ? 'normal' : 'small';
  return (
    <span className="call-buttons">
      {DIALS.map((d) => (
        <Button
          key={d.testId}
          icon={d.icon}
          size={size}
          disabled={!usable}
          aria-label={t(d.callWith, { name })}
          title={t(d.callWith, { name })}
          data-testid={`${d.testId}-${other.accountId}`}
          onClick={() => void service?.dial(other.accountId, { video: d.video })}
        >
          {place === 'chat' ? t(d.word) : null}
        </Button>
      ))}
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
