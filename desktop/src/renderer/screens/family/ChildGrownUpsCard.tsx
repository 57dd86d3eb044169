import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Child, ChildGrownUps, Guardian, IpcResult, TrustedGrownUp } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { useLoad } from '../../app/use-load';
import { Avatar } from '../../ui/Avatar';
import { AVATARS, AVATAR_IDS, isAvatarId, type AvatarId } from '../../ui/avatars';
import { Button } from '../../ui/Button';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { ErrorNote } from '../../ui/ErrorNote';
import { DeleteChild } from './DeleteChild';
import { shortDate } from './format';

/** Asks once more before something that cannot be undone from here. */
type Asking = { kind: 'guardian'; g: Guardian } | { kind: 'trusted'; g: TrustedGrownUp } | { kind: 'picture'; g: TrustedGrownUp };

/** One child's grown-ups: guardians (with consent), trusted grown-ups (with picture), and the child's consent and deletion. */
export function ChildGrownUpsCard({
  child,
  policyVersion,
  onChanged,
}: Readonly<{ child: Child; policyVersion: string | null; onChanged: () => void }>): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const grownUps = useLoad(() => hearth.getChildGrownUps({ childId: child.childId }), [child.childId]);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [picture, setPicture] = useState<AvatarId>('owl');
  const name = child.displayName;
  const act = useAction(async (a: Asking | 'give'): Promise<IpcResult<unknown>> => {
    if (a === 'give') {
      return hearth.giveChildConsent({
        childId: child.childId,
        consent: { policyVersion: policyVersion ?? '', method: 'checkbox', agreed: true },
      });
    }
    const ids = { childId: child.childId, parentId: a.g.parentId };
    if (a.kind === 'guardian') return hearth.removeGuardian(ids);
    if (a.kind === 'trusted') return hearth.removeTrustedGrownUp(ids);
    return hearth.updateTrustedGrownUp({ ...ids, avatar: picture });
  });
  const run = async (a: Asking | 'give'): Promise<void> => {
    if ((await act.run(a)) !== null) {
      setAsking(null);
      grownUps.reload();
      if (typeof a !== 'string' && a.kind === 'guardian' && a.g.me) onChanged();
    }
  };
  const value: ChildGrownUps | null = grownUps.value;
  const mine = value?.guardians.find((g) => g.me);
  const since = (at: number): string => t('pane.family.since', { date: shortDate(at, i18n.language) });

  return (
    <li className="card family-child" data-child={child.childId}>
      <h3>{t('pane.family.ofChild', { name })}</h3>
      <ErrorNote error={grownUps.error} context="family" />
      {value && (
        <>
          <p className="muted">{value.covered ? t('pane.family.covered', { name }) : t('pane.family.notCovered', { name })}</p>
          <h4>{t('pane.family.guardians')}</h4>
          <ul className="family-people">
            {value.guardians.map((g) => (
              <li key={g.parentId} className="family-person family-guardian" data-parent={g.parentId}>
                <Avatar avatar={null} name={g.displayName} id={g.parentId} size="small" grownUp />
                <div>
                  <p>
                    <strong>{g.displayName}</strong> {g.me ? t('pane.family.you') : ''}
                  </p>
                  <p className="muted">
                    {g.email} · {g.emailVerified ? t('pane.family.verified') : t('pane.family.notVerified')} ·{' '}
                    {since(g.guardianSince)} ·{' '}
                    {g.consentsToCurrentPolicy ? t('pane.family.consents') : t('pane.family.noConsent')}
                  </p>
                </div>
                <Button variant={g.me ? 'quiet' : 'danger'} onClick={() => setAsking({ kind: 'guardian', g })}>
                  {g.me ? t('pane.family.leave') : t('pane.family.remove')}
                </Button>
              </li>
            ))}
          </ul>
          <h4>{t('pane.family.trusted')}</h4>
          {value.trusted.length === 0 && <p className="muted">{t('pane.family.noTrusted')}</p>}
          <ul className="family-people">
            {value.trusted.map((g) => (
              <li key={g.parentId} className="family-person family-trusted" data-parent={g.parentId}>
                <Avatar avatar={g.avatar} name={g.displayName} id={g.parentId} size="small" grownUp />
                <div>
                  <p>
                    <strong>{g.displayName}</strong>
                  </p>
                  <p className="muted">{since(g.trustedSince)}</p>
                </div>
                <Button
                  onClick={() => {
                    setPicture(isAvatarId(g.avatar) ? g.avatar : 'owl');
                    setAsking({ kind: 'picture', g });
                  }}
                >
                  {t('pane.family.changePicture')}
                </Button>
                <Button variant="danger" onClick={() => setAsking({ kind: 'trusted', g })}>
                  {t('pane.family.remove')}
                </Button>
              </li>
            ))}
          </ul>
          {asking && (
            <div className="confirm" role="group" aria-label={asking.g.displayName}>
              {asking.kind === 'picture' ? (
                <ChoiceGroup
                  legend={t('pane.family.pictureLead', { name, grownUp: asking.g.displayName })}
                  look="tiles"
                  value={picture}
                  onChange={setPicture}
                  choices={AVATAR_IDS.map((id) => ({ value: id, label: t(`avatars.${id}`), icon: AVATARS[id].emoji }))}
                />
              ) : (
                <p>
                  {asking.kind === 'trusted'
                    ? t('pane.family.removeTrustedConfirm', { grownUp: asking.g.displayName, name })
                    : asking.g.me
                      ? t('pane.family.leaveConfirm', { name })
                      : t('pane.family.removeGuardianConfirm', { guardian: asking.g.displayName, name })}
                </p>
              )}
              <div className="form-actions">
                <Button
                  variant="quiet"
                  onClick={() => {
                    setAsking(null);
                    act.clearError();
                  }}
                >
                  {t('common.cancel')}
                </Button>
                <Button
                  variant={asking.kind === 'picture' ? 'primary' : 'danger'}
                  onClick={() => void run(asking)}
                  disabled={act.busy}
                >
                  {asking.kind === 'picture'
                    ? t('common.save')
                    : asking.kind === 'guardian' && asking.g.me
                      ? t('pane.family.yesLeave')
                      : t('pane.family.yesRemove')}
                </Button>
              </div>
              <ErrorNote error={act.error} context="family" />
            </div>
          )}
          <div className="form-actions family-consent">
            {mine && !mine.consentsToCurrentPolicy && policyVersion && (
              <>
                <span className="muted">{t('pane.family.giveConsentLead', { version: policyVersion, name })}</span>
                <Button variant="primary" onClick={() => void run('give')} disabled={act.busy}>
                  {t('pane.family.giveConsent')}
                </Button>
              </>
            )}
          </div>
          {!asking && <ErrorNote error={act.error} context="family" />}
          {/* Withdrawing consent is deleting the child (issue 15 §3): the same step, said in words. */}
          <DeleteChild child={child} canWithdraw={mine?.consentsToCurrentPolicy === true} onDeleted={onChanged} />
        </>
      )}
    </li>
  );
}
