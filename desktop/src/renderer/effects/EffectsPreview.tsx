/**
 * The child's view of their own camera with the effect on, and the background chooser: for the call
 * screen (pass the call's pipeline) and for settings (`useEffectsPipeline` on the camera track).
 */
import { useEffect, useRef, useState, type CSSProperties, type ReactElement } from 'react';
import { BUNDLED_BACKGROUNDS } from '@hearth/common';
import { useTranslation } from 'react-i18next';
import { BACKGROUND_ICONS } from './background-icons';
import { createEffectsPipeline, type EffectsPipeline } from './pipeline';
import type { Background, BundledBackgroundId, EffectsNotice } from './types';

export type EffectsPreviewProps = Readonly<{
  pipeline: EffectsPipeline;
  /** Background shown as chosen at first. Default off. */
  initial?: Background;
  /** Told after each choice (to remember it in the child's settings). */
  onChange?: (background: Background) => void;
  /** Lets the child pick a picture of their own (from their folder); the button is hidden without it. */
  pickPicture?: () => Promise<Blob | null>;
}>;

type ChoiceId = 'off' | 'blur' | BundledBackgroundId | 'picture';

/** The i18n key of each choice's name. */
const LABELS = {
  off: 'backgrounds.preview.off',
  blur: 'backgrounds.blur',
  sunset: 'backgrounds.bundled.sunset',
  ocean: 'backgrounds.bundled.ocean',
  space: 'backgrounds.bundled.space',
  meadow: 'backgrounds.bundled.meadow',
  picture: 'backgrounds.preview.picture',
} as const satisfies Readonly<Record<ChoiceId, string>>;

function choiceOf(background: Background): ChoiceId {
  return background.kind === 'bundled' ? background.id : background.kind;
}

const styles: Readonly<Record<string, CSSProperties>> = {
  root: { display: 'flex', flexDirection: 'column', gap: 12, alignItems: 'center' },
  // Mirrored like a mirror: what children expect of their own picture. The call gets it unmirrored.
  video: { width: '100%', maxWidth: 480, borderRadius: 16, transform: 'scaleX(-1)', background: '#000' },
  choices: { display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'center' },
  choice: { minWidth: 88, minHeight: 88, fontSize: 16, borderRadius: 16, border: '3px solid transparent', cursor: 'pointer' },
  chosen: { borderColor: '#ff8c00' },
  icon: { display: 'block', fontSize: 36 },
  notice: { fontSize: 18, padding: 8, borderRadius: 12, background: '#fff6d6', maxWidth: 480 },
};

export function EffectsPreview(props: EffectsPreviewProps): ReactElement {
  const { pipeline, onChange, pickPicture } = props;
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [chosen, setChosen] = useState<ChoiceId>(choiceOf(props.initial ?? { kind: 'off' }));
  const [message, setMessage] = useState<EffectsNotice | null>(null);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return undefined;
    video.srcObject = new MediaStream([pipeline.outputTrack]);
    return () => {
      video.srcObject = null;
    };
  }, [pipeline]);

  useEffect(() => pipeline.onNotice(setMessage), [pipeline]);

  async function choose(id: ChoiceId): Promise<void> {
    let background: Background;
    if (id === 'picture') {
      const picture = pickPicture ? await pickPicture() : null;
      if (!picture) return;
      background = { kind: 'picture', picture };
    } else if (id === 'off' || id === 'blur') {
      background = { kind: id };
    } else {
      background = { kind: 'bundled', id };
    }
    setChosen(id);
    setMessage(null);
    await pipeline.setBackground(background);
    onChange?.(background);
  }

  const ids: ChoiceId[] = ['off', 'blur', ...BUNDLED_BACKGROUNDS, ...(pickPicture ? (['picture'] as const) : [])];
  return (
    <div style={styles.root}>
      <video ref={videoRef} style={styles.video} autoPlay muted playsInline aria-label={t('backgrounds.mirror')} />
      {message && (
        <p role="status" aria-live="polite" style={styles.notice}>
          {t(`backgrounds.notice.${message.code}`)}
        </p>
      )}
      <div role="radiogroup" aria-label={t('backgrounds.pick')} style={styles.choices}>
        {ids.map((id) => (
          <button
            key={id}
            type="button"
            role="radio"
            aria-checked={chosen === id}
            style={{ ...styles.choice, ...(chosen === id ? styles.chosen : {}) }}
            onClick={() => void choose(id)}
          >
            <span style={styles.icon} aria-hidden="true">
              {BACKGROUND_ICONS[id]}
            </span>
            {t(LABELS[id])}
          </button>
        ))}
      </div>
    </div>
  );
}

/**
 * A pipeline for `track` while the component is mounted (settings screen); `null` until there is a
 * track. The call screen creates its own pipeline, since the call sends its output track.
 * `options.adaptive`: lower the quality when frames get slow (default true).
 */
export function useEffectsPipeline(
  track: MediaStreamTrack | null,
  assetsBase: string | URL,
  options: Readonly<{ adaptive?: boolean }> = {},
): EffectsPipeline | null {
  const [pipeline, setPipeline] = useState<EffectsPipeline | null>(null);
  const base = String(assetsBase);
  const adaptive = options.adaptive ?? true;
  useEffect(() => {
    if (!track) return undefined;
    const created = createEffectsPipeline({ track, assetsBase: base, adaptive });
    setPipeline(created);
    return () => {
      created.stop();
      setPipeline(null);
    };
  }, [track, base, adaptive]);
  return pipeline;
}
