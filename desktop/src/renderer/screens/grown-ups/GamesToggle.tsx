import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildId, ErrorBody } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useLoad } from '../../app/use-load';
import { ErrorNote } from '../../ui/ErrorNote';

/** A child's games switch (F9), kept on the relay; on by default. */
export function GamesToggle({ childId, name }: Readonly<{ childId: ChildId; name: string }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const setting = useLoad(() => hearth.getChildGames({ childId }), [childId]);
  const [error, setError] = useState<ErrorBody | null>(null);
  // Shown at once; the relay's answer (or a refusal) settles it.
  const [wanted, setWanted] = useState<boolean | null>(null);
  const change = async (enabled: boolean): Promise<void> => {
    setWanted(enabled);
    const r = await hearth.setChildGames({ childId, enabled });
    setError(r.ok ? null : r.error);
    setWanted(r.ok ? r.value.enabled : null);
  };
  return (
    <div className="games-toggle" data-testid="games-toggle">
      <label>
        <input
          type="checkbox"
          checked={wanted ?? setting.value?.enabled ?? false}
          disabled={setting.value === null}
          onChange={(e) => void change(e.target.checked)}
        />{' '}
        {t('games.pane.toggle', { name })}
      </label>
      <p className="hint">{t('games.pane.hint')}</p>
      <ErrorNote error={error ?? setting.error} />
    </div>
  );
}
