import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildId, ErrorBody, ExportResult, Profile } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useHearthEvent } from '../../app/use-event';
import { useLoad } from '../../app/use-load';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';

type Progress = Readonly<{ childId: string; done: number; total: number }>;

/** The folder part of a saved file's path (either kind of slash: Windows or not). */
const folderOf = (file: string): string => file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'))) || file;

function ChildExport({
  profile,
  busy,
  progress,
  onStart,
}: Readonly<{
  profile: Profile;
  busy: string | null;
  progress: Progress | null;
  onStart: (p: Profile) => Promise<{ result: ExportResult | null; error: ErrorBody | null }>;
}>): ReactElement {
  const { t } = useTranslation();
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const name = profile.displayName;
  const mine = busy === profile.childId;
  const shown = mine && progress?.childId === profile.childId ? progress : null;
  return (
    <li className="export-child" data-child={profile.childId}>
      <Button
        variant="primary"
        icon="📦"
        disabled={busy !== null}
        onClick={() => {
          setResult(null);
          setError(null);
          void onStart(profile).then((r) => {
            setResult(r.result);
            setError(r.error);
          });
        }}
      >
        {mine ? t('pane.export.saving', { name }) : t('pane.export.button', { name })}
      </Button>
      {mine && (
        <progress
          className="export-progress"
          max={Math.max(shown?.total ?? 1, 1)}
          value={shown?.done ?? 0}
          aria-label={t('pane.export.progress', { name })}
        />
      )}
      <ErrorNote error={error} />
      {result && (
        <div role="status" className="export-saved">
          <p>
            <strong>{t('pane.export.saved', { file: result.fileName })}</strong>
          </p>
          <p className="export-folder">{t('pane.export.where', { folder: folderOf(result.path) })}</p>
          <p>{t('pane.export.counts', { messages: result.messages, media: result.mediaFiles })}</p>
          {!result.relayIncluded && <p className="hint">{t('pane.export.withoutRelay')}</p>}
        </div>
      )}
    </li>
  );
}

/**
 * "Save a copy of <name>'s Hearth" (issue 15 §4): main writes one ZIP into the Downloads folder
 * (Electron and the web host alike: a browser page cannot be handed a file path), with progress
 * from the `exportProgress` event; the pane then says where the file is.
 */
export function ExportCard(): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const profiles = useLoad(() => hearth.listProfiles(), []);
  const children = (profiles.value?.profiles ?? []).filter((p) => p.kind === 'child');
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  useHearthEvent('exportProgress', (p) => setProgress(p));

  const start = async (p: Profile): Promise<{ result: ExportResult | null; error: ErrorBody | null }> => {
    setBusy(p.childId);
    setProgress(null);
    const lang = i18n.language.startsWith('es') ? 'es' : 'en';
    const r = await hearth.exportChild({ childId: p.childId as ChildId, lang });
    setBusy(null);
    return r.ok ? { result: r.value, error: null } : { result: null, error: r.error };
  };

  return (
    <li className="card" data-section="export">
      <h3>
        <span aria-hidden="true">📦 </span>
        {t('pane.export.title')}
      </h3>
      <p>{t('pane.export.text')}</p>
      <ErrorNote error={profiles.error} />
      {profiles.value && children.length === 0 && <p>{t('pane.export.noChildren')}</p>}
      <ul className="export-list">
        {children.map((p) => (
          <ChildExport key={p.childId} profile={p} busy={busy} progress={progress} onStart={start} />
        ))}
      </ul>
    </li>
  );
}
