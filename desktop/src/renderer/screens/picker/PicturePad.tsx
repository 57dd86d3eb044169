import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PICTURE_PASSWORD_PICTURES, type PicturePasswordPicture } from '@hearth/common';
import { Button } from '../../ui/Button';
import { PICTURE_EMOJI } from '../../ui/pictures';

export type PicturePadProps = Readonly<{
  /** What the child is asked (e.g. "Tap your secret pictures"). */
  prompt: string;
  submitLabel: string;
  busy?: boolean;
  /**
   * How many pictures the secret has, when that is known (tapping it again to confirm it): one
   * slot each, and the button works at exactly that many. Unknown by default: 3 to 6.
   */
  length?: number | undefined;
  /** What went wrong (wrong pictures, not the same twice): shown under the prompt and scrolled into view. */
  problem?: string | null;
  onSubmit: (pictures: PicturePasswordPicture[]) => void;
}>;

/** A secret has 3 to 6 pictures (`PictureSequence` in common). */
const MIN = 3;
const MAX = 6;

/** Nine big pictures to tap in order: a password for children who cannot read or spell yet. */
export function PicturePad({
  prompt,
  submitLabel,
  busy = false,
  length,
  problem = null,
  onSubmit,
}: PicturePadProps): ReactElement {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<PicturePasswordPicture[]>([]);
  const problemRef = useRef<HTMLParagraphElement>(null);
  // The pad is taller than some screens: the problem sits at its top, where the scroll may have left it.
  useEffect(() => {
    if (problem) problemRef.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);
  const most = length ?? MAX;
  const enough = length === undefined ? chosen.length >= MIN : chosen.length === length;
  return (
    <div className="picture-pad">
      <p className="lead" id="picture-pad-prompt">
        {prompt}
      </p>
      {problem && (
        <p className="field-problem picture-problem" role="alert" ref={problemRef}>
          {problem}
        </p>
      )}
      <p className="picture-slots" aria-live="polite">
        <span className="sr-only">{t('pictures.chosen', { count: chosen.length })}</span>
        {Array.from({ length: length ?? Math.max(MIN, chosen.length) }, (_, i) => (
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
            disabled={chosen.length >= most || busy}
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
          disabled={!enough || busy}
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
