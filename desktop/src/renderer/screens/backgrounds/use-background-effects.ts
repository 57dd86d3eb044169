import { useEffect, useState } from 'react';
import type { BackgroundChoice } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { reportProblem } from '../../app/report-problem';
import type { EffectsNoticeCode, EffectsPipeline } from '../../effects';
import { toEffectsBackground } from './background-choice';

/**
 * Keeps a pipeline drawing the chosen background (an own picture is read through main first) and
 * gives the code of the last thing the pipeline told the child (cleared by a new choice).
 */
export function useBackgroundEffects(
  pipeline: EffectsPipeline | null,
  choice: BackgroundChoice | null,
): EffectsNoticeCode | null {
  const hearth = useHearth();
  const [notice, setNotice] = useState<EffectsNoticeCode | null>(null);
  useEffect(() => (pipeline ? pipeline.onNotice((n) => setNotice(n.code)) : undefined), [pipeline]);
  const key = choice ? JSON.stringify(choice) : null;
  useEffect(() => {
    if (!pipeline || !choice) return undefined;
    let live = true;
    setNotice(null);
    toEffectsBackground(hearth, choice)
      .then((background) => (live ? pipeline.setBackground(background) : undefined))
      .catch((err: unknown) => reportProblem(hearth, 'backgrounds', 'show-background', err));
    return () => {
      live = false;
    };
    // `key` stands for `choice`: a new object with the same choice needs no new picture.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose, as said above
  }, [pipeline, key, hearth]);
  return notice;
}
