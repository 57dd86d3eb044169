import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PicturePasswordPicture, Profile } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { useLoad } from '../../app/use-load';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { ErrorNote, errorKey } from '../../ui/ErrorNote';
import { ReadAloud } from '../../ui/ReadAloud';
import { Screen } from '../../ui/Screen';
import { PicturePad } from './PicturePad';

/** "Who is using Hearth?": each child's picture and name in a big tile, and the grown-ups' door. */
export function ProfilePicker({ onGrownUps }: Readonly<{ onGrownUps: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const profiles = useLoad(() => hearth.listProfiles(), []);
  const [asking, setAsking] = useState<Profile | null>(null);
  const select = useAction((childId: string, picture?: PicturePasswordPicture[]) =>
    hearth.selectProfile(picture ? { childId, picture } : { childId }),
  );
  const list = (profiles.value?.profiles ?? []).filter((p) => p.kind === 'child');

  if (asking) {
    return (
      <Screen
        name="picture-password"
        title={t('picker.hello', { name: asking.displayName })}
        leading={<Avatar avatar={asking.avatar} name={asking.displayName} id={asking.childId} size="large" />}
        onBack={() => {
          select.clearError();
          setAsking(null);
        }}
      >
        <PicturePad
          prompt={t('pictures.prompt')}
          submitLabel={t('pictures.go')}
          busy={select.busy}
          problem={select.error ? t(errorKey(select.error, 'pictures')) : null}
          onSubmit={(pictures) => void select.run(asking.childId, pictures)}
        />
      </Screen>
    );
  }

  return (
    <Screen name="profile-picker" title={t('picker.title')} actions={<ReadAloud text={t('picker.title')} always />}>
      <ErrorNote error={profiles.error ?? select.error} />
      {list.length === 0 && !profiles.loading && <p className="lead">{t('picker.empty')}</p>}
      <ul className="profile-grid">
        {list.map((p) => (
          <li key={p.childId}>
            <button
              type="button"
              className="profile-tile"
              onClick={() => (p.hasPicturePassword ? setAsking(p) : void select.run(p.childId))}
              disabled={select.busy}
            >
              <Avatar avatar={p.avatar} name={p.displayName} id={p.childId} size="large" />
              <span className="profile-name">{p.displayName}</span>
              {p.unread > 0 && <span className="badge">{t('common.newCount', { count: p.unread })}</span>}
              {p.hasPicturePassword && (
                <span className="profile-lock">
                  <span aria-hidden="true">🔒 </span>
                  {t('picker.secretPictures')}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <div className="grown-ups-door">
        <Button icon="🔐" onClick={onGrownUps}>
          {t('picker.grownUps')}
        </Button>
      </div>
    </Screen>
  );
}
