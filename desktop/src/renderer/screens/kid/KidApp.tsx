import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView, Profile } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { NoticesProvider, useNotices } from '../../app/notices';
import { useSlots } from '../../app/slots';
import { useHearthEvent } from '../../app/use-event';
import { NoticeArea } from '../../ui/NoticeArea';
import { MyBackgroundScreen } from '../backgrounds/MyBackgroundScreen';
import { ChatScreen } from '../chat/ChatScreen';
import { AddFriend } from './AddFriend';
import { KidHome } from './KidHome';
import { useFriends } from './use-friends';
import { WhatGrownUpsSee } from './WhatGrownUpsSee';
import { QuietProvider, useQuiet } from '../quiet/quiet-context';
import { QuietScreen } from '../quiet/QuietScreen';
import { QuietWarning } from '../quiet/QuietWarning';
import { ReportProvider } from '../report/report-context';
import { useMachinePolicy } from '../../app/use-machine-policy';

type Route = Readonly<
  | { name: 'home' }
  | { name: 'chat'; contactId: string }
  | { name: 'add-friend' }
  | { name: 'grown-ups-see' }
  | { name: 'my-background' }
>;

/**
 * Tells the child (or the parent in parent mode) about a new message in another conversation:
 * the sender's name only, never what it says.
 */
function useMessageNotices(openContactId: string | null, nameOf: (id: string) => string | undefined): void {
  const { t } = useTranslation();
  const { notify, dismissAbout } = useNotices();
  // Opening a friend's chat answers the notice about them.
  useEffect(() => {
    if (openContactId) dismissAbout(openContactId);
  }, [openContactId, dismissAbout]);
  useHearthEvent('message', (m: MessageView) => {
    if (m.direction !== 'in' || m.contactId === openContactId) return;
    const name = nameOf(m.contactId);
    if (!name) return;
    const title = t('notify.newMessage', { name });
    notify(title, '💬', m.contactId);
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted' && document.hidden) {
      new Notification(title, { silent: false });
    }
  });
}

/**
 * Everything a profile does once chosen: home, chats, adding friends, what the grown-ups see. Its
 * notices live and die with the profile, so the next child at the PC never sees them.
 */
export function KidApp({ profile }: Readonly<{ profile: Profile }>): ReactElement {
  return (
    <NoticesProvider>
      <QuietProvider>
        {/* F11: "Something's wrong" on a child's profile only (its picker outlives a call screen). */}
        <ReportProvider enabled={profile.kind !== 'parent'}>
          <ProfileScreens profile={profile} />
        </ReportProvider>
      </QuietProvider>
      <NoticeArea />
    </NoticesProvider>
  );
}

function ProfileScreens({ profile }: Readonly<{ profile: Profile }>): ReactElement {
  const hearth = useHearth();
  const { overlay } = useSlots();
  const friends = useFriends();
  const [route, setRoute] = useState<Route>({ name: 'home' });
  const home = (): void => {
    setRoute({ name: 'home' });
    friends.reload();
  };
  const friendOf = (id: string) => friends.friends.find((f) => f.friendship.friend.accountId === id);
  // Quiet time (issue 14): only the child's own grown-ups are reached; everything else waits.
  const quiet = useQuiet();
  const effectsAllowed = useMachinePolicy()?.settings.effectsAllowed.value !== false;
  const quietNow = profile.kind !== 'parent' && quiet?.quiet === true;
  const grownUps = friends.friends.filter((f) => f.friendship.status === 'active' && f.friendship.kind === 'family');
  useMessageNotices(route.name === 'chat' ? route.contactId : null, (id) => friendOf(id)?.friendship.friend.displayName);

  const homeScreen = (
    <KidHome
      profile={profile}
      friends={friends}
      onOpenChat={(contactId) => setRoute({ name: 'chat', contactId })}
      onAddFriend={() => setRoute({ name: 'add-friend' })}
      onWhatGrownUpsSee={() => setRoute({ name: 'grown-ups-see' })}
      {...(effectsAllowed ? { onMyBackground: () => setRoute({ name: 'my-background' }) } : {})}
      // A parent's messages close with the grown-ups' pane; a child goes back to the picker.
      onLeave={() => void (profile.kind === 'parent' ? hearth.lock() : hearth.leaveProfile())}
    />
  );
  const screen = ((): ReactElement => {
    if (
      quietNow &&
      quiet &&
      !(route.name === 'chat' && grownUps.some((g) => g.friendship.friend.accountId === route.contactId))
    ) {
      return (
        <QuietScreen
          status={quiet}
          grownUps={grownUps}
          friends={friends.friends.filter((f) => f.friendship.status === 'active' && f.friendship.kind !== 'family')}
          onOpenChat={(contactId) => setRoute({ name: 'chat', contactId })}
          onLeave={() => void hearth.leaveProfile()}
        />
      );
    }
    switch (route.name) {
      case 'home':
        return homeScreen;
      case 'chat': {
        // A friendship that stopped being active closes its chat.
        const friend = friendOf(route.contactId);
        return friend?.friendship.status === 'active' ? (
          <ChatScreen key={route.contactId} friend={friend} onBack={home} />
        ) : (
          homeScreen
        );
      }
      case 'add-friend':
        return <AddFriend onBack={home} />;
      case 'grown-ups-see':
        return <WhatGrownUpsSee friends={friends.friends} onBack={home} />;
      case 'my-background':
        return <MyBackgroundScreen onBack={home} />;
      default: {
        const never: never = route;
        throw new Error(`unknown route ${JSON.stringify(never)}`);
      }
    }
  })();

  return (
    <>
      {profile.kind !== 'parent' && <QuietWarning />}
      {screen}
      {overlay}
    </>
  );
}
