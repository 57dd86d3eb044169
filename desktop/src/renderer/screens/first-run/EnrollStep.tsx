import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { whyGrey } from '../../ui/form-checks';
import type { PickedChild } from './ChildrenStep';

/** Enrolls this PC for the chosen children: each gets a credential of their own here. */
export function EnrollStep({
  children,
  onDone,
}: Readonly<{ children: readonly PickedChild[]; onDone: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [name, setName] = useState<string>(() => t('firstRun.pcNameDefault'));
  const enroll = useAction(async () => {
    const result = await hearth.enrollPc({ name: name.trim(), childIds: children.map((c) => c.child.childId) });
    if (!result.ok) return result;
    for (const c of children) {
      if (c.avatar) await hearth.updateChild({ childId: c.child.childId, avatar: c.avatar });
    }
    return result;
  });
  const nameProblem = name.trim() === '' ? t('firstRun.pcNameProblem') : null;
  const nameProblemId = useId();
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (await enroll.run()) onDone();
  };
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-label={t('firstRun.enrollTitle')}>
      <p className="lead">{t('firstRun.enrollLead', { names: children.map((c) => c.child.displayName).join(', ') })}</p>
      <Field
        label={t('firstRun.pcName')}
        hint={t('firstRun.pcNameHint')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        problem={nameProblem}
        problemId={nameProblemId}
        maxLength={64}
      />
      <ErrorNote error={enroll.error} />
      <div className="form-actions">
        <Button
          type="submit"
          variant="primary"
          size="big"
          disabled={nameProblem !== null || enroll.busy}
          aria-describedby={whyGrey(nameProblem !== null, nameProblemId)}
        >
          {t('firstRun.enroll')}
        </Button>
      </div>
    </form>
  );
}
