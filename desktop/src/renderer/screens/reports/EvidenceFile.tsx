import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult, ReportFileData } from '@hearth/common';
import { base64ToBlob } from '../../media/base64';

/** One file of a report (a picture, a voice or video message, the voice note), fetched from the relay when shown. */
export function EvidenceFile({
  hash,
  mime,
  label,
  load,
}: Readonly<{
  hash: string;
  mime: string;
  label: string;
  load: (hash: string) => Promise<IpcResult<ReportFileData>>;
}>): ReactElement {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const loadRef = useLatest(load);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    void loadRef.current(hash).then((r) => {
      if (!live) return;
      if (!r.ok) {
        setFailed(true);
        return;
      }
      made = URL.createObjectURL(base64ToBlob(r.value.dataBase64, r.value.mime));
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [hash, loadRef]);
  if (failed) return <p className="muted">{t('pane.reports.fileMissing')}</p>;
  if (url === null)
    return (
      <p className="muted" aria-busy="true">
        {label}…
      </p>
    );
  if (mime.startsWith('image/')) return <img className="report-picture" src={url} alt={label} />;
  if (mime.startsWith('video/')) return <video className="report-video" src={url} controls aria-label={label} />;
  return <audio src={url} controls aria-label={label} />;
}

/** A ref that always holds the latest value (the loader changes identity with each render). */
function useLatest<T>(value: T): { readonly current: T } {
  const [ref] = useState(() => ({ current: value }));
  ref.current = value;
  return ref;
}
