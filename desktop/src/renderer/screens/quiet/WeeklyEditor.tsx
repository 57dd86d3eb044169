import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_WINDOWS_PER_DAY, WEEKDAYS, type TimeWindow, type Weekday, type WeeklyWindows } from '@hearth/common';
import { Button } from '../../ui/Button';
import { TimeField } from '../../ui/TimeField';

/** No windows on any day. */
export const EMPTY_WEEK: WeeklyWindows = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

const SCHOOL_NIGHT: TimeWindow = { start: '20:00', end: '07:00' };
const WEEKEND_NIGHT: TimeWindow = { start: '21:00', end: '08:00' };
const LUNCH: TimeWindow = { start: '12:00', end: '13:00' };
/** Nights before a school day (Sunday to Thursday) and weekend nights (Friday, Saturday). */
const SCHOOL_NIGHTS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu'];
const SCHOOL_DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** "School nights 20:00–07:00, weekends 21:00–08:00". */
export function schoolNightsPreset(): WeeklyWindows {
  const week = { ...EMPTY_WEEK };
  for (const d of WEEKDAYS) week[d] = [SCHOOL_NIGHTS.includes(d) ? SCHOOL_NIGHT : WEEKEND_NIGHT];
  return week;
}

/** Lunch 12:00–13:00 added on school days (kept in order of start). */
export function withLunch(week: WeeklyWindows): WeeklyWindows {
  const next = { ...week };
  for (const d of SCHOOL_DAYS) {
    if (next[d].some((w) => w.start === LUNCH.start) || next[d].length >= MAX_WINDOWS_PER_DAY) continue;
    next[d] = [...next[d], LUNCH].sort((a, b) => a.start.localeCompare(b.start));
  }
  return next;
}

/** Several windows a day, by the day each starts; an end at or before the start runs past midnight. */
export function WeeklyEditor({
  value,
  onChange,
  idPrefix,
  kind = 'quiet',
}: Readonly<{
  value: WeeklyWindows;
  onChange: (next: WeeklyWindows) => void;
  idPrefix: string;
  /** `quiet`: quiet windows; `allowed`: when a contact may reach the child. */
  kind?: 'quiet' | 'allowed';
}>): ReactElement {
  const { t } = useTranslation();
  const addLabel = kind === 'quiet' ? t('pane.quiet.add') : t('pane.quiet.addAllowed');
  const emptyLabel = kind === 'quiet' ? t('pane.quiet.noWindows') : t('pane.quiet.noAllowed');
  const setDay = (day: Weekday, windows: readonly TimeWindow[]): void => onChange({ ...value, [day]: [...windows] });
  return (
    <div className="quiet-week">
      {WEEKDAYS.map((day) => {
        const dayName = t(`pane.quiet.day.${day}`);
        return (
          <fieldset key={day} className="quiet-day" data-day={day}>
            <legend>{dayName}</legend>
            {value[day].length === 0 && <p className="field-hint">{emptyLabel}</p>}
            {value[day].map((w, i) => {
              const id = `${idPrefix}-${day}-${i}`;
              const put = (patch: Partial<TimeWindow>): void =>
                setDay(
                  day,
                  value[day].map((x, j) => (j === i ? { ...x, ...patch } : x)),
                );
              return (
                <div key={id} className="quiet-window">
                  <TimeField layout="inline" label={t('pane.quiet.from')} value={w.start} onChange={(start) => put({ start })} />
                  <TimeField layout="inline" label={t('pane.quiet.to')} value={w.end} onChange={(end) => put({ end })} />
                  <Button
                    size="small"
                    variant="quiet"
                    aria-label={`${t('pane.quiet.remove')}: ${dayName} ${w.start}–${w.end}`}
                    onClick={() =>
                      setDay(
                        day,
                        value[day].filter((_x, j) => j !== i),
                      )
                    }
                  >
                    {t('pane.quiet.remove')}
                  </Button>
                </div>
              );
            })}
            {value[day].length < MAX_WINDOWS_PER_DAY && (
              <Button
                size="small"
                icon="➕"
                aria-label={`${addLabel}: ${dayName}`}
                onClick={() =>
                  setDay(day, [
                    ...value[day],
                    kind === 'quiet' ? { start: '20:00', end: '07:00' } : { start: '15:00', end: '19:00' },
                  ])
                }
              >
                {addLabel}
              </Button>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
