import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildId, Friend } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useHearthEvent } from '../../app/use-event';
import { useLoad } from '../../app/use-load';
import { ErrorNote } from '../../ui/ErrorNote';
import { QuietStatusControls } from '../quiet/QuietStatusControls';
import { useChildQuiet } from '../quiet/use-child-quiet';
import '../quiet/quiet.css';

/** One child of mine in parent mode: where they stand, "quiet now until …" and more minutes. */
function ParentChildQuiet({ child }: Readonly<{ child: Friend }>): ReactElement {
  const hearth = useHearth();
  // Listed only when the friend is a child of mine (kind `child`, I am their guardian).
  const childId = child.friendship.friend.accountId as ChildId;
  const { quiet, error, setQuiet } = useChildQuiet(childId, (id) => hearth.getChildQuietAsMe({ childId: id }));
  return (
    <article className="card quiet-card" data-child={childId} aria-label={child.friendship.friend.displayName}>
      <h3>{child.friendship.friend.displayName}</h3>
      <ErrorNote error={error} />
      {quiet && (
        <QuietStatusControls
          status={quiet.status}
          actions={{
            quietNow: (until) => hearth.startQuietNowAsMe({ childId, until }),
            extraMinutes: (minutes) => hearth.giveExtraMinutesAsMe({ childId, minutes }),
          }}
          onChanged={setQuiet}
        />
      )}
    </article>
  );
}

/**
 * Parent mode on a grown-up's own PC: each of their children's quiet time, with "quiet now
 * until …" and "15 / 30 more minutes today" (guardians only; a trusted grown-up sees none).
 */
export function ParentQuiet(): ReactElement | null {
  const { t } = useTranslation();
  const hearth = useHearth();
  const friends = useLoad(() => hearth.listFriends(), []);
  useHearthEvent('friendsChanged', friends.reload);
  const mine = (friends.value?.friends ?? []).filter(
    (f) => f.friendship.status === 'active' && f.friendship.friend.kind === 'child' && f.friendship.me.familyRole === 'guardian',
  );
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="parent-quiet-title" className="parent-quiet">
      <h2 id="parent-quiet-title">{t('pane.quiet.title')}</h2>
      {mine.map((f) => (
        <ParentChildQuiet key={f.friendship.friend.accountId} child={f} />
      ))}
    </section>
  );
}
