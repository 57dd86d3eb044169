import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult, RedeemedGrownUpInvite } from '@hearth/common';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';

const CODE = /^[A-Za-z0-9]{4}[- ]?[A-Za-z0-9]{4}$/;

/** "I have a code from a family": a grown-up types the code a guardian gave them; the guardian then confirms. */
export function RedeemCode({
  send,
  onRedeemed,
}: Readonly<{
  send: (code: string) => Promise<IpcResult<RedeemedGrownUpInvite>>;
  onRedeemed: (invite: RedeemedGrownUpInvite) => void;
}>): ReactElement {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const redeem = useAction((typed: string) => send(typed.trim().toUpperCase()));
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const done = await redeem.run(code);
    if (done) {
      setCode('');
      setOpen(false);
      onRedeemed(done);
    }
  };
  if (!open) {
    return (
      <Button icon="🔑" onClick={() => setOpen(true)}>
        {t('pane.invites.haveCode')}
      </Button>
    );
  }
  return (
    <form className="form inline-form card" aria-label={t('pane.invites.haveCode')} onSubmit={(e) => void submit(e)}>
      <p>{t('pane.invites.haveCodeLead')}</p>
      <Field
        label={t('pane.invites.codeLabel')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        maxLength={9}
        autoComplete="off"
        spellCheck={false}
      />
      <div className="form-actions">
        <Button variant="quiet" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" disabled={!CODE.test(code.trim()) || redeem.busy}>
          {t('pane.invites.send')}
        </Button>
      </div>
      <ErrorNote error={redeem.error} context="family" />
    </form>
  );
}

/** The codes this grown-up typed in: waiting for the inviter, or what became of them. */
export function RedeemedList({ invites }: Readonly<{ invites: readonly RedeemedGrownUpInvite[] }>): ReactElement | null {
  const { t } = useTranslation();
  if (invites.length === 0) return null;
  return (
    <ul className="family-redeemed">
      {invites.map((i) => {
        const name = i.invitedBy.displayName;
        const line =
          i.state === 'confirmed'
            ? t('pane.invites.joined', { name })
            : i.state === 'redeemed' || i.state === 'waiting'
              ? t('pane.invites.waitingFor', { name })
              : t('pane.invites.notJoined');
        return (
          <li key={i.inviteId} className="card" data-invite={i.inviteId} data-state={i.state}>
            <p>
              <strong>{t(`pane.invites.role.${i.role}`)}</strong>{' '}
              {t('pane.invites.forChildren', { names: i.children.map((c) => c.displayName).join(', ') })}
            </p>
            <p className="muted" data-testid="redeemed-state">
              {line}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
