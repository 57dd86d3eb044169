import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Child } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';

/** Deleting a child: a clear second step where the grown-up types the child's name. */
export function DeleteChild({ child, onDeleted }: Readonly<{ child: Child; onDeleted: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const name = child.displayName;
  const remove = useAction(() => hearth.deleteChild({ childId: child.childId, typedName: typed.trim() }));
  if (!open) {
    return (
      <Button variant="danger" icon="🗑️" onClick={() => setOpen(true)}>
        {t('pane.family.deleteChild', { name })}
      </Button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={t('pane.family.deleteChild', { name })}>
      <p>{t('pane.family.deleteLead', { name })}</p>
      <Field label={t('pane.family.deleteType', { name })} value={typed} onChange={(e) => setTyped(e.target.value)} />
      <div className="form-actions">
        <Button variant="quiet" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="danger"
          onClick={() => void remove.run().then((done) => done && onDeleted())}
          disabled={typed.trim().toLocaleLowerCase() !== name.toLocaleLowerCase() || remove.busy}
        >
          {t('pane.family.deleteYes')}
        </Button>
      </div>
      <ErrorNote error={remove.error} context="family" />
    </div>
  );
}
