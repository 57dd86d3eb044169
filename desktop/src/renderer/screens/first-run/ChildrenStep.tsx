import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Child } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useLoad } from '../../app/use-load';
import { Avatar } from '../../ui/Avatar';
import type { AvatarId } from '../../ui/avatars';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { ChildForm } from '../grown-ups/ChildForm';

export type PickedChild = Readonly<{ child: Child; avatar: AvatarId | null }>;

/** The parent's children: add new ones (with the consent just given) and choose who uses this PC. */
export function ChildrenStep({
  policyVersion,
  onNext,
}: Readonly<{ policyVersion: string; onNext: (children: readonly PickedChild[]) => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const existing = useLoad(() => hearth.listChildren(), []);
  const [added, setAdded] = useState<readonly PickedChild[]>([]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [adding, setAdding] = useState(true);

  const all: readonly PickedChild[] = [
    ...(existing.value?.children ?? [])
      .filter((c) => !added.some((a) => a.child.childId === c.child.childId))
      .map((c) => ({ child: c.child, avatar: null })),
    ...added,
  ];
  const toggle = (id: string): void =>
    setChosen((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="stack">
      <ErrorNote error={existing.error} />
      {all.length > 0 && (
        <fieldset className="card child-checklist">
          <legend>{t('firstRun.whoUsesPc')}</legend>
          {all.map(({ child, avatar }) => (
            <label key={child.childId} className="check check-big">
              <input type="checkbox" checked={chosen.has(child.childId)} onChange={() => toggle(child.childId)} />
              <Avatar avatar={avatar} name={child.displayName} id={child.childId} size="small" />
              <span>
                {child.displayName} <span className="muted">@{child.username}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {adding ? (
        <ChildForm
          policyVersion={policyVersion}
          consentGiven
          addToThisPc={false}
          onCreated={(created, avatar) => {
            setAdded((list) => [...list, { child: created.child, avatar }]);
            setChosen((set) => new Set([...set, created.child.childId]));
            setAdding(false);
          }}
          {...(all.length > 0 ? { onCancel: () => setAdding(false) } : {})}
        />
      ) : (
        <Button icon="➕" onClick={() => setAdding(true)}>
          {t('firstRun.addAnother')}
        </Button>
      )}
      <div className="form-actions">
        <Button
          variant="primary"
          size="big"
          disabled={chosen.size === 0}
          onClick={() => onNext(all.filter((c) => chosen.has(c.child.childId)))}
        >
          {t('common.continue')}
        </Button>
      </div>
    </div>
  );
}
