import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Friend } from '@hearth/common';
import { useSlots } from '../../app/slots';
import { Avatar } from '../../ui/Avatar';
import { ReportButton } from '../report/ReportButton';
import { reachableWhilePaused, useSuspended } from './use-suspension';

/** The word under a family member: a guardian is "my grown-up", a trusted grown-up (or, for them, the child) "family". */
function familyTag(friend: Friend): 'home.myGrownUp' | 'home.myChild' | 'kidFamily.trusted' {
  const { me, friend: other } = friend.friendship;
  if (other.familyRole === 'trusted' || me.familyRole === 'trusted') return 'kidFamily.trusted';
  return other.kind === 'parent' ? 'home.myGrownUp' : 'home.myChild';
}

/** One friend or family member: a big button into the chat, with presence and how many new messages. */
export function FriendCard({ friend, onOpen }: Readonly<{ friend: Friend; onOpen: () => void }>): ReactElement {
  const { t } = useTranslation();
  const { callActions } = useSlots();
  const other = friend.friendship.friend;
  const family = friend.friendship.kind === 'family';
  // F16: a paused child calls only their own guardians (the home's banner says why).
  const paused = useSuspended() && !reachableWhilePaused(friend);
  return (
    <div className="friend-card" data-contact={other.accountId}>
      <button type="button" className="friend-open" onClick={onOpen}>
        <Avatar
          avatar={other.avatar}
          name={other.displayName}
          id={other.accountId}
          size="large"
          grownUp={other.kind === 'parent'}
        />
        <span className="friend-name">{other.displayName}</span>
        {family && <span className="tag">{t(familyTag(friend))}</span>}
        <span className={`presence presence-${friend.presence}`}>
          <span className="presence-dot" aria-hidden="true" />
          {t(`presence.${friend.presence}`)}
        </span>
        {friend.unread > 0 && <span className="badge">{t('common.newCount', { count: friend.unread })}</span>}
      </button>
      {callActions && !paused && <div className="friend-call">{callActions(friend, 'card')}</div>}
      <ReportButton request={{ about: other.accountId, name: other.displayName, place: 'friend', itemId: null }} />
    </div>
  );
}
