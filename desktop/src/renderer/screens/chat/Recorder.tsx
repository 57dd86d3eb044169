import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { startRecording, type Recorded, type Recording, type RecordingKind } from '../../media/recorder';
import { Button } from '../../ui/Button';
import { formatDuration } from './AttachmentView';

type Phase = 'idle' | 'starting' | 'recording' | 'denied';

/** Records a voice message or a short video message; "Stop and send" hands the recording over. */
export function Recorder({
  kind,
  onRecorded,
  onClose,
}: Readonly<{ kind: RecordingKind; onRecorded: (recorded: Recorded) => void; onClose: () => void }>): ReactElement {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>('idle');
  const [elapsed, setElapsed] = useState(0);
  const recording = useRef<Recording | null>(null);
  const preview = useRef<HTMLVideoElement>(null);

  useEffect(
    () => () => {
      recording.current?.cancel();
      recording.current = null;
    },
    [],
  );
  useEffect(() => {
    if (phase !== 'recording') return undefined;
    const timer = setInterval(() => setElapsed(performance.now() - (recording.current?.startedAt ?? performance.now())), 250);
    return () => clearInterval(timer);
  }, [phase]);

  const stop = async (): Promise<void> => {
    const r = recording.current;
    recording.current = null;
    if (!r) return;
    setPhase('idle');
    onRecorded(await r.stop());
  };
  const start = async (): Promise<void> => {
    setPhase('starting');
    try {
      const r = await startRecording(kind, () => void stop());
      recording.current = r;
      if (preview.current && kind === 'video') preview.current.srcObject = r.stream;
      setElapsed(0);
      setPhase('recording');
    } catch {
      setPhase('denied');
    }
  };
  const cancel = (): void => {
    recording.current?.cancel();
    recording.current = null;
    setPhase('idle');
    onClose();
  };

  return (
    <section className="recorder card" aria-label={t(`chat.record.${kind}Title`)}>
      {kind === 'video' && (
        <video
          ref={preview}
          className="recorder-preview"
          autoPlay
          muted
          playsInline
          aria-hidden="true"
          hidden={phase !== 'recording'}
        />
      )}
      {phase === 'denied' && <p role="alert">{t(`chat.record.${kind}Denied`)}</p>}
      {phase === 'recording' ? (
        <>
          <p className="recording-now" role="status">
            <span className="rec-dot" aria-hidden="true" /> {t('chat.record.recording')} {formatDuration(Math.max(1000, elapsed))}
          </p>
          <div className="form-actions">
            <Button variant="quiet" icon="✖️" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button variant="primary" size="big" icon="📨" onClick={() => void stop()}>
              {t('chat.record.stopAndSend')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p>{t(`chat.record.${kind}Hint`)}</p>
          <div className="form-actions">
            <Button variant="quiet" icon="✖️" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button
              variant="primary"
              size="big"
              icon={kind === 'voice' ? '🎤' : '🎥'}
              onClick={() => void start()}
              disabled={phase === 'starting'}
            >
              {t('chat.record.start')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
