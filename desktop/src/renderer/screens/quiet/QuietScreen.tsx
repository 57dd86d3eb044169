import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Friend, QuietStatus } from '@hearth/common';
import { useSlots } from '../../app/slots';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { ReadAloud } from '../../ui/ReadAloud';
import { Screen } from '../../ui/Screen';
import { HeldMessages } from './HeldMessages';
import { clockText } from './quiet-context';
import './quiet.css';

/** A calm night sky: the quiet screen's picture (decorative; the words say it all). */
function NightSky(): ReactElement {
  return (
    <svg className="quiet-picture" viewBox="0 0 240 160" aria-hidden="true" focusable="false">
      <rect width="240" height="160" rx="24" fill="#1f2a5a" />
      <circle cx="168" cy="62" r="34" fill="#fbe7a1" />
      <circle cx="184" cy="50" r="30" fill="#1f2a5a" />
      {[
        [40, 36],
        [78, 70],
        [116, 28],
        [58, 116],
        [206, 118],
        [142, 122],
      ].map(([x, y]) => (
        <circle key={`${x}-${y}`} cx={x} cy={y} r="3" fill="#fff7d6" />
      ))}
      <path d="M0 138 Q60 118 120 136 T240 132 V160 H0 Z" fill="#2f3d7a" />
    </svg>
  );
}

/**
 * "Quiet time — see you at 7:00": what a child sees while the relay says it is quiet time, with
 * a read-aloud button, the child's own grown-ups, who can still be reached, and the messages to
 * friends that wait for morning.
 */
export function QuietScreen({
  status,
  grownUps,
  friends = [],
  onOpenChat,
  onLeave,
}: Readonly<{
  status: QuietStatus;
  grownUps: readonly Friend[];
  /** The child's friends: messages to them that quiet time holds are shown "waits for morning". */
  friends?: readonly Friend[];
  onOpenChat: (contactId: string) => void;
  onLeave: () => void;
}>): ReactElement {
  const { t } = useTranslation();
  const { callActions } = useSlots();
  const headline = status.endsAt ? t('quiet.seeYouAt', { time: clockText(status.endsAt) }) : t('quiet.seeYouLater');
  const said = [status.reason === 'limit' ? t('quiet.limitTitle') : null, headline, t('quiet.rest')].filter(Boolean).join(' ');
  return (
    <Screen
      name="quiet-time"
      title={t('quiet.title')}
      actions={
        <>
          <ReadAloud text={said} always />
          <Button icon="🔄" onClick={onLeave}>
            {t('home.switch')}
          </Button>
        </>
      }
    >
      <div className="quiet-screen" data-testid="quiet-screen" data-reason={status.reason ?? ''}>
        <NightSky />
        {status.reason === 'limit' && <p className="quiet-limit">{t('quiet.limitTitle')}</p>}
        <p className="quiet-headline" role="status">
          {headline}
        </p>
        <p className="quiet-rest">{t('quiet.rest')}</p>
        {grownUps.length > 0 && (
          <section aria-labelledby="quiet-grown-ups" className="quiet-grown-ups">
            <h2 id="quiet-grown-ups">{t('quiet.reachGrownUps')}</h2>
            <ul>
              {grownUps.map((g) => {
                const name = g.friendship.friend.displayName;
                return (
                  <li key={g.friendship.friend.accountId} className="quiet-grown-up">
                    <Avatar
                      avatar={g.friendship.friend.avatar}
                      name={name}
                      id={g.friendship.friend.accountId}
                      size="medium"
                      grownUp
                    />
                    <Button icon="💬" size="big" onClick={() => onOpenChat(g.friendship.friend.accountId)}>
                      {t('quiet.write', { name })}
                    </Button>
                    {callActions?.(g, 'card')}
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        <HeldMessages friends={friends} />
      </div>
    </Screen>
  );
}
