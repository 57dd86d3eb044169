import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FriendshipView } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { useLoad } from '../../app/use-load';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { OtherGrownUps } from '../family/OtherGrownUps';

type ParentAction = 'approve' | 'decline' | 'remove' | 'block' | 'unblock';

/** Where a friendship stands, from this parent's side. */
export function requestStage(f: FriendshipView): 'mine' | 'kids' | 'other-family' | 'active' | 'blocked' | 'ended' {
  if (f.iBlocked) return 'blocked';
  if (f.status === 'active') return 'active';
  if (f.status === 'declined' || f.status === 'removed' || f.status === 'blocked') return 'ended';
  if (!f.myKidConfirmed || !f.friendKidConfirmed) return 'kids';
  return f.myParentApproved ? 'other-family' : 'mine';
}

function RequestItem({ f, onDone }: Readonly<{ f: FriendshipView; onDone: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const act = useAction((action: ParentAction) => hearth.actOnFriendshipAsParent({ friendshipId: f.friendshipId, action }));
  const stage = requestStage(f);
  const run = async (action: ParentAction): Promise<void> => {
    if (await act.run(action)) onDone();
  };
  const names = {
    child: f.me.displayName,
    friend: f.friend.displayName,
    parent: f.friend.parentDisplayName ?? t('common.unknown'),
  };
  return (
    <li className={`request-item card stage-${stage}`} data-friendship={f.friendshipId}>
      <Avatar avatar={f.friend.avatar} name={f.friend.displayName} id={f.friend.accountId} size="medium" />
      <div className="request-item-text">
        <p className="request-item-title">{t('pane.requests.pair', names)}</p>
        <p>{t('pane.requests.whoAsks', names)}</p>
        <OtherGrownUps friend={f.friend} />
        <p className="muted">{t(`pane.requests.stage.${stage}`, names)}</p>
      </div>
      <div className="request-item-actions">
        {stage === 'mine' && (
          <>
            <Button variant="primary" icon="✅" onClick={() => void run('approve')} disabled={act.busy}>
              {t('pane.requests.approve')}
            </Button>
            <Button icon="✖️" onClick={() => void run('decline')} disabled={act.busy}>
              {t('pane.requests.decline')}
            </Button>
          </>
        )}
        {(stage === 'kids' || stage === 'other-family') && (
          <Button icon="✖️" onClick={() => void run('decline')} disabled={act.busy}>
            {t('pane.requests.decline')}
          </Button>
        )}
        {stage === 'active' && (
          <>
            <Button icon="👋" onClick={() => void run('remove')} disabled={act.busy}>
              {t('pane.requests.remove')}
            </Button>
            <Button variant="danger" icon="⛔" onClick={() => void run('block')} disabled={act.busy}>
              {t('pane.requests.block')}
            </Button>
          </>
        )}
        {stage === 'blocked' && (
          <Button onClick={() => void run('unblock')} disabled={act.busy}>
            {t('pane.requests.unblock')}
          </Button>
        )}
      </div>
      <ErrorNote error={act.error} />
    </li>
  );
}

const ORDER = ['mine', 'kids', 'other-family', 'active', 'blocked'] as const;

/** Friend requests and friendships of this parent's children, those waiting for this parent first. */
export function RequestsSection(): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const list = useLoad(() => hearth.listApprovals(), []);
  const friendships = (list.value?.friendships ?? []).filter((f) => f.kind === 'friend');
  return (
    <section aria-labelledby="requests-title" className="pane-section">
      <div className="section-head">
        <h2 id="requests-title">{t('pane.nav.requests')}</h2>
        <Button icon="🔄" onClick={list.reload} disabled={list.loading}>
          {t('common.refresh')}
        </Button>
      </div>
      <ErrorNote error={list.error} />
      {list.value && friendships.length === 0 && <p>{t('pane.requests.none')}</p>}
      {ORDER.map((stage) => {
        const group = friendships.filter((f) => requestStage(f) === stage);
        if (group.length === 0) return null;
        return (
          <div key={stage}>
            <h3>{t(`pane.requests.group.${stage}`)}</h3>
            <ul className="request-items">
              {group.map((f) => (
                <RequestItem key={`${f.friendshipId}:${f.me.accountId}`} f={f} onDone={list.reload} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
