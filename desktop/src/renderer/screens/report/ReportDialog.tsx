import { useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_REASONS, type ReportReason } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { blobToBase64 } from '../../media/base64';
import type { Recorded } from '../../media/recorder';
import { speak } from '../../media/speech';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { ReadAloud } from '../../ui/ReadAloud';
import { Recorder } from '../chat/Recorder';
import type { ReportRequest } from './report-context';
import './report.css';

/** The pictures of the five reasons. */
const PICTURE: Readonly<Record<ReportReason, string>> = {
  'mean-words': '😠',
  'scary-picture': '😱',
  'secrets-or-where-i-live': '🤫',
  'wants-to-meet': '🚪',
  'something-else': '❓',
};

/** Keeps Tab inside the dialog (a modal: what is behind it cannot be reached). */
function trapTab(e: KeyboardEvent<HTMLDivElement>): void {
  if (e.key !== 'Tab') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('button:not([disabled]), [tabindex="0"]')];
  if (items.length === 0) return;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * "Something's wrong" (F11): five big picture buttons whose words are read aloud when picked, an
 * optional voice note (the voice-message recorder), then the same calm words whatever happens next.
 */
export function ReportDialog({ request, onClose }: Readonly<{ request: ReportRequest; onClose: () => void }>): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [recording, setRecording] = useState(false);
  const [voiceNote, setVoiceNote] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const report = useAction(hearth.reportSomething);
  const addVoice = useAction(hearth.addAttachment);
  const heading = useRef<HTMLHeadingElement>(null);
  const calm = useRef<HTMLParagraphElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (!done) return;
    calm.current?.focus();
    speak(t('report.calm'), i18n.language);
  }, [done, t, i18n.language]);

  const pick = (r: ReportReason): void => {
    setReason(r);
    speak(t(`report.reasons.${r}`), i18n.language);
  };
  const onRecorded = async (recorded: Recorded): Promise<void> => {
    setRecording(false);
    const stored = await addVoice.run({ kind: 'voice', mime: 'video/webm', dataBase64: await blobToBase64(recorded.blob) });
    if (stored) setVoiceNote(stored.hash);
  };
  const send = async (): Promise<void> => {
    if (!reason) return;
    const ok = await report.run({
      about: request.about,
      reason,
      place: request.place,
      itemId: request.itemId,
      ...(voiceNote ? { voiceNote } : {}),
    });
    if (ok) setDone(true);
  };

  return (
    <div
      className="report-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="report-title"
      data-testid="report-dialog"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !done) onClose();
        trapTab(e);
      }}
    >
      <div className="report-card card">
        {done ? (
          <div className="report-calm" data-testid="report-calm">
            <h2 id="report-title" className="sr-only">
              {t('report.button')}
            </h2>
            <p className="report-calm-words" ref={calm} tabIndex={-1}>
              <span aria-hidden="true">💛 </span>
              {t('report.calm')}
            </p>
            <div className="form-actions">
              <ReadAloud text={t('report.calm')} always />
              <Button variant="primary" size="big" onClick={onClose} data-testid="report-ok">
                {t('report.ok')}
              </Button>
            </div>
          </div>
        ) : (
          <>
            <h2 id="report-title" ref={heading} tabIndex={-1}>
              {t('report.title')}
            </h2>
            <p className="report-hint">
              {t('report.hint')} <ReadAloud text={`${t('report.title')} ${t('report.hint')}`} always />
            </p>
            <div className="report-reasons" role="group" aria-labelledby="report-title">
              {REPORT_REASONS.map((r) => (
                <button
                  key={r}
                  type="button"
                  className="report-reason"
                  aria-pressed={reason === r}
                  data-reason={r}
                  onClick={() => pick(r)}
                >
                  <span className="report-picture" aria-hidden="true">
                    {PICTURE[r]}
                  </span>
                  <span className="report-words">{t(`report.reasons.${r}`)}</span>
                </button>
              ))}
            </div>
            {recording ? (
              <Recorder kind="voice" onRecorded={(r) => void onRecorded(r)} onClose={() => setRecording(false)} />
            ) : voiceNote ? (
              <p role="status">
                <span aria-hidden="true">🎤 </span>
                {t('report.voiceAdded')}
              </p>
            ) : (
              <Button icon="🎤" onClick={() => setRecording(true)} disabled={addVoice.busy} data-testid="report-voice">
                {t('report.voice')}
              </Button>
            )}
            <ErrorNote error={report.error ?? addVoice.error} />
            <div className="form-actions">
              <Button variant="quiet" icon="↩️" onClick={onClose}>
                {t('report.cancel')}
              </Button>
              <Button
                variant="primary"
                size="big"
                icon="🧑‍🧒"
                disabled={reason === null || report.busy || recording}
                onClick={() => void send()}
                data-testid="report-send"
              >
                {report.busy ? t('report.sending') : t('report.send')}
              </Button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
