import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDetail } from '@hearth/common';

/**
 * The games played in the activity view (F9), newest day first: which game, with whom, how it
 * ended. The same list for the grown-ups' pane and, in kid words, for the child. Nothing shows
 * where no game was played (or main does not list them).
 */
export function PlayedGamesList({
  days,
  names,
  kid = false,
}: Readonly<{ days: ActivityDetail['days']; names: ReadonlyMap<string, string>; kid?: boolean }>): ReactElement | null {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const rows = [...days]
    .sort((a, b) => (a.day < b.day ? 1 : -1))
    .flatMap((d) => (d.playedGames ?? []).map((g, i) => ({ ...g, day: d.day, key: `${d.day}-${i}` })));
  if (rows.length === 0) return null;
  return (
    <div className="played-games" data-testid="played-games">
      <h4>{kid ? t('games.activity.kidTitle') : t('games.activity.title')}</h4>
      <ul>
        {rows.map((g) => (
          <li key={g.key} data-game={g.game} data-outcome={g.outcome}>
            {t('games.activity.line', {
              day: date.format(new Date(`${g.day}T12:00:00Z`)),
              game: t(`games.names.${g.game}`),
              name: names.get(g.contactId) ?? '—',
              outcome: t(`games.activity.${g.outcome}`),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
