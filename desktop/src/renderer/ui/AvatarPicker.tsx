import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AVATARS, AVATAR_IDS, type AvatarId } from './avatars';
import { ChoiceGroup } from './ChoiceGroup';

/** Pick a child's picture from the bundled animals. */
export function AvatarPicker({ value, onChange }: Readonly<{ value: AvatarId; onChange: (id: AvatarId) => void }>): ReactElement {
  const { t } = useTranslation();
  return (
    <ChoiceGroup
      legend={t('child.picture')}
      look="tiles"
      value={value}
      onChange={onChange}
      choices={AVATAR_IDS.map((id) => ({ value: id, label: t(`avatars.${id}`), icon: AVATARS[id].emoji }))}
    />
  );
}
