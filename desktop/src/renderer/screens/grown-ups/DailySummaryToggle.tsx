import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildId, ErrorBody } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useLoad } from '../../app/use-load';
import { ErrorNote } from '../../ui/ErrorNote';

/** The daily summary's opt-in (kept on the relay; off by default; the child is told). */
export function DailySummaryToggle({ childId, name }: Readonly<{ childId: ChildId; name: string }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const setting = useLoad(() => hearth.getDailySummary({ childId }), [childId]);
  const [error, setError] = useState<ErrorBody | null>(null);
  // Shown at once; the relay's answer (or a refusal) settles it.
  const [wanted, setWanted] = useState<boolean | null>(null);
  const change = async (enabled: boolean): Promise<void> => {
    setWanted(enabled);
    const r = await hearth.setDailySummary({ childId, enabled });
    setError(r.ok ? null : r.error);
    setWanted(r.ok ? r.value.enabled : null);
  };
  return (
    <div className="daily-summary-toggle">
      <label>
        <input
          type="checkbox"
          checked={wanted ?? setting.value?.enabled ?? false}
          disabled={setting.value === null}
          onChange={(e) => void change(e.target.checked)}
        />{' '}
        {t('activityView.summaryToggle', { name })}
      </label>
      <p className="hint">{t('activityView.summaryHint', { name })}</p>
      <ErrorNote error={error ?? setting.error} />
    </div>
  );
}
