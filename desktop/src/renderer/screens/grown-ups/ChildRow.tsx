import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildOnPc, IpcResult, PicturePasswordPicture, Profile } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { PicturePad } from '../picker/PicturePad';

type Editing = 'none' | 'rename' | 'pictures' | 'pictures-again' | 'remove';

export type ChildRowProps = Readonly<{
  entry: ChildOnPc;
  profile: Profile | undefined;
  enrolled: boolean;
  /** False on a PC in parent mode, which never holds a child's profile. */
  allowOnPc: boolean;
  onChanged: () => void;
}>;

/** One of the parent's children: rename, picture password, put on or take off this PC. */
export function ChildRow({ entry, profile, enrolled, allowOnPc, onChanged }: ChildRowProps): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const { child, onThisPc } = entry;
  const [editing, setEditing] = useState<Editing>('none');
  const [name, setName] = useState(child.displayName);
  const [firstPictures, setFirstPictures] = useState<PicturePasswordPicture[]>([]);
  const [mismatch, setMismatch] = useState(false);
  const rename = useAction(() => hearth.updateChild({ childId: child.childId, displayName: name.trim() }));
  const pictures = useAction((picture: PicturePasswordPicture[] | null) =>
    hearth.setPicturePassword({ childId: child.childId, picture }),
  );
  const remove = useAction(() => hearth.removeChildFromPc({ childId: child.childId }));
  const add = useAction((): Promise<IpcResult<unknown>> =>
    enrolled
      ? hearth.addChildToPc({ childId: child.childId })
      : hearth.enrollPc({ name: t('firstRun.pcNameDefault'), childIds: [child.childId] }),
  );
  const done = (): void => {
    setEditing('none');
    onChanged();
  };
  const submitName = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (await rename.run()) done();
  };
  const error = rename.error ?? pictures.error ?? remove.error ?? add.error;

  return (
    <li className="card child-row" data-child={child.childId}>
      <div className="child-row-head">
        <Avatar avatar={profile?.avatar ?? null} name={child.displayName} id={child.childId} size="medium" />
        <div>
          <p className="child-row-name">{child.displayName}</p>
          <p className="muted">
            @{child.username} · {onThisPc ? t('pane.children.onPc') : t('pane.children.notOnPc')}
            {profile?.hasPicturePassword ? ` · ${t('pane.children.hasPictures')}` : ''}
          </p>
        </div>
      </div>
      {editing === 'none' && (
        <div className="child-row-actions">
          <Button icon="✏️" onClick={() => setEditing('rename')}>
            {t('pane.children.rename')}
          </Button>
          {onThisPc && (
            <Button icon="🖼️" onClick={() => setEditing('pictures')}>
              {profile?.hasPicturePassword ? t('pane.children.changePictures') : t('pane.children.setPictures')}
            </Button>
          )}
          {onThisPc && profile?.hasPicturePassword && (
            <Button onClick={() => void pictures.run(null).then((ok) => ok && done())}>
              {t('pane.children.removePictures')}
            </Button>
          )}
          {onThisPc ? (
            <Button variant="danger" icon="🚪" onClick={() => setEditing('remove')}>
              {t('pane.children.removeFromPc')}
            </Button>
          ) : (
            allowOnPc && (
              <Button variant="primary" icon="💻" onClick={() => void add.run().then((ok) => ok && done())} disabled={add.busy}>
                {t('pane.children.addToPc')}
              </Button>
            )
          )}
        </div>
      )}
      {editing === 'rename' && (
        <form className="form inline-form" onSubmit={(e) => void submitName(e)}>
          <Field label={t('child.name')} value={name} onChange={(e) => setName(e.target.value)} maxLength={40} />
          <div className="form-actions">
            <Button variant="quiet" onClick={() => setEditing('none')}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant="primary" disabled={name.trim() === '' || rename.busy}>
              {t('common.save')}
            </Button>
          </div>
        </form>
      )}
      {(editing === 'pictures' || editing === 'pictures-again') && (
        <div>
          <PicturePad
            prompt={
              editing === 'pictures'
                ? t('pane.children.picturesPrompt', { name: child.displayName })
                : t('pane.children.picturesAgain')
            }
            submitLabel={editing === 'pictures' ? t('common.continue') : t('common.save')}
            busy={pictures.busy}
            length={editing === 'pictures-again' ? firstPictures.length : undefined}
            problem={mismatch ? t('pane.children.picturesMismatch') : null}
            onSubmit={(chosen) => {
              if (editing === 'pictures') {
                setFirstPictures(chosen);
                setMismatch(false);
                setEditing('pictures-again');
              } else if (chosen.join() !== firstPictures.join()) {
                setMismatch(true);
                setEditing('pictures');
              } else void pictures.run(chosen).then((ok) => ok && done());
            }}
          />
          <Button variant="quiet" onClick={() => setEditing('none')}>
            {t('common.cancel')}
          </Button>
        </div>
      )}
      {editing === 'remove' && (
        <div className="confirm" role="group" aria-label={t('pane.children.removeFromPc')}>
          <p>{t('pane.children.removeConfirm', { name: child.displayName })}</p>
          <div className="form-actions">
            <Button variant="quiet" onClick={() => setEditing('none')}>
              {t('common.cancel')}
            </Button>
            <Button variant="danger" onClick={() => void remove.run().then((ok) => ok && done())} disabled={remove.busy}>
              {t('pane.children.removeYes')}
            </Button>
          </div>
        </div>
      )}
      <ErrorNote error={error} />
    </li>
  );
}
