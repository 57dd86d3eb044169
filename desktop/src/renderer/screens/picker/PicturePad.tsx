import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PICTURE_PASSWORD_PICTURES, type PicturePasswordPicture } from '@hearth/common';
import { Button } from '../../ui/Button';
import { PICTURE_EMOJI } from '../../ui/pictures';

export type PicturePadProps = Readonly<{
  /** What the child is asked (e.g. "Tap your secret pictures"). */
  prompt: string;
  submitLabel: string;
  busy?: boolean;
  onSubmit: (pictures: PicturePasswordPicture[]) => void;
}>;

const MAX = 6;

/** Nine big pictures to tap in order: a password for children who cannot read or spell yet. */
export function PicturePad({ prompt, submitLabel, busy = false, onSubmit }: PicturePadProps): ReactElement {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<PicturePasswordPicture[]>([]);
  return (
    <div className="picture-pad">
      <p className="lead" id="picture-pad-prompt">
        {prompt}
      </p>
      <p className="picture-slots" aria-live="polite">
        <span className="sr-only">{t('pictures.chosen', { count: chosen.length })}</span>
        {Array.from({ length: Math.max(4, chosen.length) }, (_, i) => (
          <span key={i} className={`picture-slot${i < chosen.length ? ' picture-slot-on' : ''}`} aria-hidden="true">
            {i < chosen.length ? '⭐' : ''}
          </span>
        ))}
      </p>
      <div className="picture-grid" role="group" aria-labelledby="picture-pad-prompt">
        {PICTURE_PASSWORD_PICTURES.map((p) => (
          <button
            key={p}
            type="button"
            className="picture-button"
            disabled={chosen.length >= MAX || busy}
            onClick={() => setChosen((list) => [...list, p])}
          >
            <span aria-hidden="true" className="picture-emoji">
              {PICTURE_EMOJI[p]}
            </span>
            <span className="picture-name">{t(`pictures.${p}`)}</span>
          </button>
        ))}
      </div>
      <div className="form-actions">
        <Button variant="quiet" icon="🔄" onClick={() => setChosen([])} disabled={chosen.length === 0 || busy}>
          {t('pictures.startOver')}
        </Button>
        <Button
          variant="primary"
          size="big"
          disabled={chosen.length < 3 || busy}
          onClick={() => {
            onSubmit(chosen);
            setChosen([]);
          }}
        >
          {submitLabel}
        </Button>
      </div>
    </div>
  );
}
