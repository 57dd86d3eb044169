import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { BUNDLED_BACKGROUNDS, type BackgroundChoice } from '@hearth/common';
import { BACKGROUND_ICONS } from '../../effects/background-icons';
import { choiceKey } from './background-choice';
import type { OwnPicture } from './use-my-backgrounds';

export type BackgroundChooserProps = Readonly<{
  choice: BackgroundChoice;
  pictures: readonly OwnPicture[];
  onChoose: (choice: BackgroundChoice) => void;
  /** Smaller buttons in one row (the call screen). Default false. */
  compact?: boolean;
  disabled?: boolean;
}>;

/** Big picture buttons, one per background: none, blurry, the bundled pictures and the child's own. */
export function BackgroundChooser({
  choice,
  pictures,
  onChoose,
  compact = false,
  disabled = false,
}: BackgroundChooserProps): ReactElement {
  const { t } = useTranslation();
  const options: { choice: BackgroundChoice; label: string; icon?: string | undefined; url?: string }[] = [
    { choice: { kind: 'off' }, label: t('backgrounds.off'), icon: BACKGROUND_ICONS.off },
    { choice: { kind: 'blur' }, label: t('backgrounds.blur'), icon: BACKGROUND_ICONS.blur },
    ...BUNDLED_BACKGROUNDS.map((id) => ({
      choice: { kind: 'bundled', id } as const,
      label: t(`backgrounds.bundled.${id}`),
      icon: BACKGROUND_ICONS[id],
    })),
    ...pictures.map((p, i) => ({
      choice: { kind: 'picture', id: p.picture.id } as const,
      label: t('backgrounds.myPictureN', { n: i + 1 }),
      url: p.url,
    })),
  ];
  const chosen = choiceKey(choice);
  return (
    <div role="radiogroup" aria-label={t('backgrounds.pick')} className={`bg-choices${compact ? ' bg-choices-compact' : ''}`}>
      {options.map((o) => {
        const key = choiceKey(o.choice);
        return (
          <button
            key={key}
            type="button"
            role="radio"
            aria-checked={key === chosen}
            className="bg-choice"
            data-background={key}
            disabled={disabled}
            onClick={() => onChoose(o.choice)}
          >
            {o.url ? (
              <img className="bg-choice-thumb" src={o.url} alt="" />
            ) : (
              <span className="bg-choice-icon" aria-hidden="true">
                {o.icon}
              </span>
            )}
            <span className="bg-choice-label">{o.label}</span>
          </button>
        );
      })}
    </div>
  );
}
