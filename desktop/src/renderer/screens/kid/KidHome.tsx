import type { CSSProperties, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '@hearth/common';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { ReadAloud } from '../../ui/ReadAloud';
import { Screen } from '../../ui/Screen';
import { ParentFamily } from '../parent/ParentFamily';
import { ParentPolicyReview } from '../parent/ParentPolicyReview';
import { ConnectionBanner } from './ConnectionBanner';
import { ReconsentBanner } from './ReconsentBanner';
import { SuspensionBanner } from './SuspensionBanner';
import { useSuspended } from './use-suspension';
import { FriendCard } from './FriendCard';
import { RequestCard } from './RequestCard';
import { activeFriends, pendingFriends, type FriendsState } from './use-friends';

export type KidHomeProps = Readonly<{
  profile: Profile;
  friends: FriendsState;
  onOpenChat: (contactId: string) => void;
  onAddFriend: () => void;
  onWhatGrownUpsSee: () => void;
  /** Opens "My background" (call backgrounds); no button without it. */
  onMyBackground?: () => void;
  onLeave: () => void;
}>;

/** A child's home: friends and family as big tiles with presence and new messages, requests, and "Add a friend". */
export function KidHome({
  profile,
  friends,
  onOpenChat,
  onAddFriend,
  onWhatGrownUpsSee,
  onMyBackground,
  onLeave,
}: KidHomeProps): ReactElement {
  const { t } = useTranslation();
  const parentMode = profile.kind === 'parent';
  const suspended = useSuspended();
  const active = activeFriends(friends.friends);
  const pending = parentMode ? [] : pendingFriends(friends.friends);
  // A child's guardians and trusted grown-ups under "My family"; friends under "My friends".
  const family = active.filter((f) => f.friendship.kind === 'family');
  const mates = active.filter((f) => f.friendship.kind !== 'family');
  // Friends whose account was deleted (issue 15 §3): greyed, nothing to open, send or call.
  const gone = friends.friends.filter((f) => f.gone === true && f.friendship.kind !== 'family');
  const greeting = t(parentMode ? 'home.helloParent' : 'home.hello', { name: profile.displayName });
  return (
    <Screen
      name={parentMode ? 'parent-home' : 'kid-home'}
      title={greeting}
      leading={
        <Avatar avatar={profile.avatar} name={profile.displayName} id={profile.childId} size="medium" grownUp={parentMode} />
      }
      actions={
        <>
          <ReadAloud text={greeting} always />
          {onMyBackground && (
            <Button icon="🖼️" onClick={onMyBackground}>
              {t('home.myBackground')}
            </Button>
          )}
          {!parentMode && (
            <Button icon="👀" onClick={onWhatGrownUpsSee}>
              {t('home.whatGrownUpsSee')}
            </Button>
          )}
          <Button icon={parentMode ? '🔒' : '🔄'} onClick={onLeave}>
            {parentMode ? t('home.closeMessages') : t('home.switch')}
          </Button>
        </>
      }
    >
      <ConnectionBanner />
      {parentMode ? <ParentPolicyReview /> : <ReconsentBanner />}
      {!parentMode && suspended && <SuspensionBanner />}
      <ErrorNote error={friends.error} />
      {parentMode ? (
        <section aria-labelledby="friends-heading">
          <h2 id="friends-heading">
            {/* A trusted grown-up (a grandmother) is in the children's family; they are not her children. */}
            {active.length > 0 && active.every((f) => f.friendship.me.familyRole === 'trusted')
              ? t('kidFamily.myFamily')
              : t('home.myChildren')}
          </h2>
          {friends.loaded && active.length === 0 && <p className="empty-note">{t('home.noChildren')}</p>}
          <ul className="friend-grid">
            {active.map((f) => (
              <li key={f.friendship.friendshipId}>
                <FriendCard friend={f} onOpen={() => onOpenChat(f.friendship.friend.accountId)} />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <div className="kid-circles">
          {family.length > 0 && (
            <section
              aria-labelledby="family-heading"
              className="kid-family"
              // As wide as its cards (`kid.css`): the friends, with "Add a friend", fit beside a small family.
              style={{ '--cards': family.length } as CSSProperties}
            >
              <h2 id="family-heading">{t('kidFamily.myFamily')}</h2>
              <ul className="friend-grid">
                {family.map((f) => (
                  <li key={f.friendship.friendshipId}>
                    <FriendCard friend={f} onOpen={() => onOpenChat(f.friendship.friend.accountId)} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="friends-heading" className="kid-friends">
            <h2 id="friends-heading">{t('kidFamily.myFriends')}</h2>
            {friends.loaded && mates.length === 0 && <p className="empty-note">{t('home.noFriendsYet')}</p>}
            <ul className="friend-grid">
              {mates.map((f) => (
                <li key={f.friendship.friendshipId}>
                  <FriendCard friend={f} onOpen={() => onOpenChat(f.friendship.friend.accountId)} />
                </li>
              ))}
              {gone.map((f) => (
                <li key={f.friendship.friendshipId}>
                  <div className="friend-card friend-gone" data-contact={f.friendship.friend.accountId} aria-disabled="true">
                    <span className="friend-name">{f.friendship.friend.displayName}</span>
                    <span className="tag">{t('kidGone.noLongerHere')}</span>
                  </div>
                </li>
              ))}
              <li>
                <button type="button" className="add-friend-tile" onClick={onAddFriend}>
                  <span className="add-friend-plus" aria-hidden="true">
                    ➕
                  </span>
                  <span>{t('home.addFriend')}</span>
                </button>
              </li>
            </ul>
          </section>
        </div>
      )}
      {parentMode && <ParentFamily contactIds={new Set(active.map((f) => f.friendship.friend.accountId))} />}
      {pending.length > 0 && (
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading">{t('home.requests')}</h2>
          <ul className="request-list">
            {pending.map((f) => (
              <li key={f.friendship.friendshipId}>
                <RequestCard friend={f} onChanged={friends.reload} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </Screen>
  );
}
