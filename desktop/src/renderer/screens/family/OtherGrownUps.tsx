import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FriendshipView } from '@hearth/common';
import { useAccountAge } from './use-account-age';

/** On the friend-approval screen: the other family's grown-ups, whether their email is verified and how old their account is. */
export function OtherGrownUps({ friend }: Readonly<{ friend: FriendshipView['friend'] }>): ReactElement | null {
  const { t } = useTranslation();
  const age = useAccountAge();
  const guardians = friend.guardians ?? [];
  if (guardians.length === 0) return null;
  return (
    <ul className="other-grown-ups" data-testid="other-grown-ups">
      {guardians.map((g, i) => (
        <li key={`${g.displayName}:${i}`} className={g.emailVerified ? 'verified' : 'not-verified'}>
          {g.emailVerified ? '✅ ' : '⚠️ '}
          {t(g.emailVerified ? 'pane.otherGrownUps.verified' : 'pane.otherGrownUps.notVerified', {
            name: g.displayName,
            age: age(g.accountCreatedAt),
          })}
        </li>
      ))}
    </ul>
  );
}
