import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Child } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';

/**
 * Deleting a child: a clear second step where the grown-up reads what goes and what stays, types
 * the child's name and their account password (the relay checks it). "Withdraw my consent" opens
 * the same step: withdrawing consent deletes the child's account (issue 15 §3).
 */
export function DeleteChild({
  child,
  canWithdraw,
  onDeleted,
}: Readonly<{ child: Child; canWithdraw: boolean; onDeleted: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [open, setOpen] = useState<'delete' | 'withdraw' | null>(null);
  const [typed, setTyped] = useState('');
  const [password, setPassword] = useState('');
  const name = child.displayName;
  const remove = useAction(() => hearth.deleteChild({ childId: child.childId, typedName: typed.trim(), password }));
  if (!open) {
    return (
      <div className="form-actions family-delete">
        {canWithdraw && <Button onClick={() => setOpen('withdraw')}>{t('pane.deleteForGood.withdraw')}</Button>}
        <Button variant="danger" icon="🗑️" onClick={() => setOpen('delete')}>
          {t('pane.family.deleteChild', { name })}
        </Button>
      </div>
    );
  }
  const close = (): void => {
    setOpen(null);
    setPassword('');
  };
  return (
    <div className="confirm" role="group" aria-label={t('pane.family.deleteChild', { name })} data-asking={open}>
      {open === 'withdraw' && <p>{t('pane.deleteForGood.withdrawLead', { name })}</p>}
      <p>{t('pane.family.deleteLead', { name })}</p>
      <p>{t('pane.deleteForGood.goes', { name })}</p>
      <p>{t('pane.deleteForGood.stays', { name })}</p>
      <Field label={t('pane.family.deleteType', { name })} value={typed} onChange={(e) => setTyped(e.target.value)} />
      <Field
        label={t('pane.deleteForGood.password')}
        hint={t('pane.deleteForGood.passwordHint')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div className="form-actions">
        <Button variant="quiet" onClick={close}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="danger"
          onClick={() => void remove.run().then((done) => done && onDeleted())}
          disabled={typed.trim().toLocaleLowerCase() !== name.toLocaleLowerCase() || password.length === 0 || remove.busy}
        >
          {t('pane.family.deleteYes')}
        </Button>
      </div>
      <ErrorNote error={remove.error} context="family" />
    </div>
  );
}
