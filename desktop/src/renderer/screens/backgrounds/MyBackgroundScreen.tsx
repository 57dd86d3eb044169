import { useEffect, useRef, useState, type ChangeEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_BACKGROUND_PICTURES } from '@hearth/common';
import { useEffectsPipeline } from '../../effects';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { ReadAloud } from '../../ui/ReadAloud';
import { Screen } from '../../ui/Screen';
import { effectsAssetsBase, noticeKey } from './background-choice';
import { BackgroundChooser } from './BackgroundChooser';
import './backgrounds.css';
import { useBackgroundEffects } from './use-background-effects';
import { useMyBackgrounds } from './use-my-backgrounds';

/** The camera while the screen is open; null before it opens, `false` when there is none. */
function useCamera(): MediaStreamTrack | null | false {
  const [track, setTrack] = useState<MediaStreamTrack | null | false>(null);
  useEffect(() => {
    let live = true;
    let opened: MediaStreamTrack | null = null;
    navigator.mediaDevices
      .getUserMedia({ video: { width: 640, height: 480 }, audio: false })
      .then((stream) => {
        opened = stream.getVideoTracks()[0] ?? null;
        if (!live) opened?.stop();
        else setTrack(opened ?? false);
      })
      .catch(() => {
        if (live) setTrack(false);
      });
    return () => {
      live = false;
      opened?.stop();
    };
  }, []);
  return track;
}

/** "My background": the child sees themself with each background and picks the one friends see in calls. */
export function MyBackgroundScreen({ onBack }: Readonly<{ onBack: () => void }>): ReactElement {
  const { t } = useTranslation();
  const mine = useMyBackgrounds();
  const camera = useCamera();
  const pipeline = useEffectsPipeline(camera || null, effectsAssetsBase());
  const notice = useBackgroundEffects(pipeline, mine.loaded ? mine.choice : null);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const el = video.current;
    if (!el || !pipeline) return undefined;
    el.srcObject = new MediaStream([pipeline.outputTrack]);
    return () => {
      el.srcObject = null;
    };
  }, [pipeline]);

  async function addPicture(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const added = await mine.add(file);
    if (added) await mine.choose({ kind: 'picture', id: added.id });
  }

  const intro = t('backgrounds.intro');
  const full = mine.pictures.length >= MAX_BACKGROUND_PICTURES;
  return (
    <Screen
      name="my-background"
      title={t('backgrounds.title')}
      onBack={onBack}
      actions={<ReadAloud text={`${t('backgrounds.title')}. ${intro}`} />}
    >
      <p className="lead">{intro}</p>
      <div className="bg-layout">
        <div className="bg-mirror">
          {camera === false ? (
            <p className="bg-no-camera">{t('backgrounds.noCamera')}</p>
          ) : (
            <video ref={video} className="bg-video" autoPlay muted playsInline aria-label={t('backgrounds.mirror')} />
          )}
          {notice && (
            <p role="status" className="bg-notice">
              <span aria-hidden="true">💡 </span>
              {t(noticeKey(notice))}
            </p>
          )}
        </div>
        <section aria-labelledby="bg-pick-heading" className="card bg-panel">
          <h2 id="bg-pick-heading">{t('backgrounds.pick')}</h2>
          <BackgroundChooser
            choice={mine.choice}
            pictures={mine.pictures}
            onChoose={(c) => void mine.choose(c)}
            disabled={!mine.loaded}
          />
          <ErrorNote error={mine.error} context="backgrounds" />
          <h2 id="bg-mine-heading">{t('backgrounds.myPictures')}</h2>
          <p>{t('backgrounds.staysHere')}</p>
          <div className="bg-own-actions">
            {!full && (
              <label className={`btn btn-primary btn-big bg-upload${mine.busy ? ' is-busy' : ''}`}>
                <span className="btn-icon" aria-hidden="true">
                  🖼️
                </span>
                {mine.busy ? t('backgrounds.adding') : t('backgrounds.add')}
                <input
                  type="file"
                  accept="image/jpeg,image/png"
                  className="sr-only"
                  disabled={mine.busy}
                  onChange={(e) => void addPicture(e)}
                />
              </label>
            )}
            {full && <p>{t('backgrounds.full', { count: MAX_BACKGROUND_PICTURES })}</p>}
            {mine.pictures.map((p, i) => (
              <Button key={p.picture.id} variant="danger" icon="🗑️" onClick={() => void mine.remove(p.picture.id)}>
                {t('backgrounds.deleteN', { n: i + 1 })}
              </Button>
            ))}
          </div>
        </section>
      </div>
    </Screen>
  );
}
