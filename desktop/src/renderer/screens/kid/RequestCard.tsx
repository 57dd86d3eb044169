import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Friend } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { ReadAloud } from '../../ui/ReadAloud';

/** What a friend request needs now, in kid words. */
export function requestWaitsFor(friend: Friend): 'me' | 'friend' | 'grown-ups' {
  const f = friend.friendship;
  if (!f.myKidConfirmed) return 'me';
  if (!f.friendKidConfirmed) return 'friend';
  return 'grown-ups';
}

/** A friend request: "Ben wants to be friends — yes or no?", or a friendly "waiting for…" card. */
export function RequestCard({ friend, onChanged }: Readonly<{ friend: Friend; onChanged: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const act = useAction((action: 'confirm' | 'decline') =>
    hearth.actOnFriendship({ friendshipId: friend.friendship.friendshipId, action }),
  );
  const other = friend.friendship.friend;
  const waits = requestWaitsFor(friend);
  const text =
    waits === 'me'
      ? t('home.wantsToBeFriends', { name: other.displayName })
      : waits === 'friend'
        ? t('home.waitingForFriend', { name: other.displayName })
        : t('home.waitingForGrownUps', { name: other.displayName });
  const run = async (action: 'confirm' | 'decline'): Promise<void> => {
    if (await act.run(action)) onChanged();
  };
  return (
    <div className={`request-card request-${waits}`} data-contact={other.accountId}>
      <Avatar avatar={other.avatar} name={other.displayName} id={other.accountId} size="medium" />
      <div className="request-text">
        <p>
          <span aria-hidden="true">{waits === 'me' ? '🤝 ' : '⏳ '}</span>
          {text}
        </p>
        <ReadAloud text={text} always />
      </div>
      {waits === 'me' && (
        <div className="request-actions">
          <Button variant="primary" icon="👍" onClick={() => void run('confirm')} disabled={act.busy}>
            {t('home.yes')}
          </Button>
          <Button icon="👋" onClick={() => void run('decline')} disabled={act.busy}>
            {t('home.noThanks')}
          </Button>
        </div>
      )}
      <ErrorNote error={act.error} />
    </div>
  );
}
