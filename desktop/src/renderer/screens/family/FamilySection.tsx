import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrownUpInviteCreated, GrownUpRole } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useLoad } from '../../app/use-load';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { ChildGrownUpsCard } from './ChildGrownUpsCard';
import { CodeCard, InviteForm } from './InviteForm';
import { InvitesList } from './InvitesList';
import { NoticesList } from './NoticesList';
import { RedeemCode, RedeemedList } from './RedeemCode';
import './family.css';

/** The pane's "Family grown-ups": invite and confirm grown-ups, type in a code, and each child's grown-ups. */
export function FamilySection(): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const children = useLoad(() => hearth.listChildren(), []);
  const invites = useLoad(() => hearth.listGrownUpInvites(), []);
  const policy = useLoad(() => hearth.getPolicy(), []);
  const [inviting, setInviting] = useState<GrownUpRole | null>(null);
  const [created, setCreated] = useState<GrownUpInviteCreated | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = (): void => {
    children.reload();
    invites.reload();
    setVersion((v) => v + 1);
  };
  const mine = (children.value?.children ?? []).map((c) => c.child);
  return (
    <section aria-labelledby="family-title" className="pane-section family-section">
      <div className="section-head">
        <h2 id="family-title">{t('pane.nav.family')}</h2>
        <Button icon="🔄" onClick={refresh} disabled={children.loading || invites.loading}>
          {t('pane.family.refresh')}
        </Button>
      </div>
      <p className="lead">{t('pane.family.lead')}</p>
      <ErrorNote error={children.error ?? invites.error} context="family" />
      {created ? (
        <CodeCard
          created={created}
          onDone={() => {
            setCreated(null);
            invites.reload();
          }}
        />
      ) : inviting ? (
        <InviteForm
          role={inviting}
          children={mine}
          onCreated={(c) => {
            setInviting(null);
            setCreated(c);
          }}
          onCancel={() => setInviting(null)}
        />
      ) : (
        <div className="form-actions family-invite-buttons">
          {mine.length > 0 && (
            <>
              <Button variant="primary" icon="➕" onClick={() => setInviting('guardian')}>
                {t('pane.invites.inviteGuardian')}
              </Button>
              <Button icon="👵" onClick={() => setInviting('trusted')}>
                {t('pane.invites.inviteTrusted')}
              </Button>
            </>
          )}
          <RedeemCode send={(code) => hearth.redeemGrownUpInvite({ code })} onRedeemed={invites.reload} />
        </div>
      )}
      <RedeemedList invites={invites.value?.redeemed ?? []} />
      <InvitesList invites={invites.value?.sent ?? []} onChanged={refresh} />
      {children.value && mine.length === 0 && <p>{t('pane.family.noChildren')}</p>}
      <ul className="family-children">
        {mine.map((c) => (
          <ChildGrownUpsCard
            key={`${c.childId}:${version}`}
            child={c}
            policyVersion={policy.value?.version ?? null}
            onChanged={refresh}
          />
        ))}
      </ul>
    </section>
  );
}

/** The pane's "What happened": every guardian's notices about the family. */
export function NoticesSection(): ReactElement {
  const hearth = useHearth();
  return (
    <section className="pane-section">
      <NoticesList load={() => hearth.listNotices()} />
    </section>
  );
}
