import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult, ReportCall, ReportDetail, ReportFileData, ReportMessage } from '@hearth/common';
import { EvidenceFile } from './EvidenceFile';

type Files = ReportDetail['files'];

/** What a message's `shown` says, read defensively (it comes from the reporting PC). */
type Shown = Readonly<{ kind?: unknown; text?: unknown; attachment?: { hash?: unknown; mime?: unknown } }>;

function readShown(shown: string): Shown {
  try {
    const v: unknown = JSON.parse(shown);
    return typeof v === 'object' && v !== null ? (v as Shown) : {};
  } catch {
    return {};
  }
}

export type EvidenceProps = Readonly<{
  messages: readonly ReportMessage[];
  calls: readonly ReportCall[];
  files: Files;
  /** Who each message is from, by account id. */
  nameOf: (accountId: string) => string;
  /** The other one in the calls (the reported account, or for a shared report the reporting child). */
  callee: string;
  /** The reporting child's name, for the voice note (absent in a shared report). */
  reporterName?: string;
  loadFile: (hash: string) => Promise<IpcResult<ReportFileData>>;
}>;

/** The messages as the child's PC showed them, the call-log entries and the child's voice note. */
export function Evidence({ messages, calls, files, nameOf, callee, reporterName, loadFile }: EvidenceProps): ReactElement {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const held = (hash: unknown): Files[number] | undefined =>
    typeof hash === 'string' ? files.find((f) => f.hash === hash && f.uploaded) : undefined;
  const voiceNote = files.find((f) => f.role === 'voice-note' && f.uploaded);
  return (
    <>
      <h4>{t('pane.reports.messages')}</h4>
      {messages.length === 0 ? (
        <p className="muted">{t('pane.reports.noMessages')}</p>
      ) : (
        <ol className="report-messages">
          {messages.map((m) => {
            const shown = readShown(m.shown);
            // The file as the reporting PC holds it: changed on receipt (metadata stripped), its hash is not the sent one.
            const file = held(m.fileHash ?? shown.attachment?.hash);
            let body: ReactElement;
            if (shown.kind === 'text' && typeof shown.text === 'string') body = <p className="report-text">{shown.text}</p>;
            else if (shown.kind === 'photo' || shown.kind === 'voice' || shown.kind === 'video') {
              const label = t(`pane.reports.${shown.kind === 'photo' ? 'picture' : shown.kind}`);
              body = file ? (
                <EvidenceFile hash={file.hash} mime={file.mime} label={label} load={loadFile} />
              ) : (
                <p className="muted">
                  {label}: {t('pane.reports.fileMissing')}
                </p>
              );
            } else body = <p className="muted">{t('pane.reports.otherMessage', { kind: String(shown.kind ?? '?') })}</p>;
            return (
              <li key={m.id} className="report-message" data-message={m.id}>
                <p className="report-from">
                  <strong>{nameOf(m.from)}</strong> <span className="muted">{when.format(m.sentAt)}</span>
                </p>
                {body}
              </li>
            );
          })}
        </ol>
      )}
      {calls.length > 0 && (
        <>
          <h4>{t('pane.reports.calls')}</h4>
          <ul className="report-calls">
            {calls.map((c) => (
              <li key={c.callId}>
                {t(`pane.reports.call.${c.direction}`, {
                  about: callee,
                  when: when.format(c.startedAt),
                  minutes: Math.round(c.durationMs / 60_000),
                  outcome: c.outcome,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {voiceNote && reporterName !== undefined && (
        <>
          <h4>{t('pane.reports.voiceNote', { child: reporterName })}</h4>
          <EvidenceFile
            hash={voiceNote.hash}
            mime={voiceNote.mime}
            label={t('pane.reports.voiceNote', { child: reporterName })}
            load={loadFile}
          />
        </>
      )}
    </>
  );
}
