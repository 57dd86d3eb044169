import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrownUpInvite, GrownUpInviteAnswer } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { shortDate } from './format';
import { useAccountAge } from './use-account-age';

/** One invitation: who it is for; who typed the code in (the inviter checks it is the right person); confirm, decline, cancel. */
function InviteItem({ invite, onChanged }: Readonly<{ invite: GrownUpInvite; onChanged: () => void }>): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const age = useAccountAge();
  const answer = useAction((a: GrownUpInviteAnswer) => hearth.answerGrownUpInvite({ inviteId: invite.inviteId, answer: a }));
  const run = async (a: GrownUpInviteAnswer): Promise<void> => {
    if (await answer.run(a)) onChanged();
  };
  const who = invite.invitee;
  return (
    <li className="card family-invite" data-invite={invite.inviteId} data-state={invite.state}>
      <p>
        <strong>{t(`pane.invites.role.${invite.role}`)}</strong>{' '}
        {t('pane.invites.forChildren', { names: invite.children.map((c) => c.displayName).join(', ') })}
      </p>
      <p className="muted">
        {t('pane.invites.invitedBy', { name: invite.invitedBy.displayName })} ·{' '}
        {t('pane.invites.expires', { date: shortDate(invite.expiresAt, i18n.language) })}
      </p>
      {who === null ? (
        <p>{t('pane.invites.waiting')}</p>
      ) : (
        <div className="family-invitee" data-testid="invitee">
          <p>{t('pane.invites.typedBy', { name: who.displayName })}</p>
          <p>
            <strong>{who.displayName}</strong> · {who.email} ·{' '}
            {who.emailVerified ? t('pane.family.verified') : t('pane.family.notVerified')} · {age(who.accountCreatedAt)}
          </p>
        </div>
      )}
      <div className="form-actions">
        {invite.state === 'redeemed' && (
          <>
            <Button variant="primary" icon="✅" onClick={() => void run('confirm')} disabled={answer.busy}>
              {t('pane.invites.confirm')}
            </Button>
            <Button icon="✖️" onClick={() => void run('decline')} disabled={answer.busy}>
              {t('pane.invites.decline')}
            </Button>
          </>
        )}
        <Button variant="quiet" onClick={() => void run('cancel')} disabled={answer.busy}>
          {t('pane.invites.cancel')}
        </Button>
      </div>
      <ErrorNote error={answer.error} context="family" />
    </li>
  );
}

/** The invitations still open (made, or typed in and waiting for a guardian to confirm). */
export function InvitesList({
  invites,
  onChanged,
}: Readonly<{ invites: readonly GrownUpInvite[]; onChanged: () => void }>): ReactElement | null {
  const { t } = useTranslation();
  const open = invites.filter((i) => i.state === 'waiting' || i.state === 'redeemed');
  if (open.length === 0) return null;
  return (
    <div>
      <h3>{t('pane.invites.pending')}</h3>
      <ul className="family-invites">
        {open.map((i) => (
          <InviteItem key={i.inviteId} invite={i} onChanged={onChanged} />
        ))}
      </ul>
    </div>
  );
}
