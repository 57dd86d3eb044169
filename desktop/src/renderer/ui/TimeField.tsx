import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { HOURS, minuteChoices } from './time-choices';
import './time-field.css';

export type TimeFieldProps = Readonly<{
  /** What the time is for ("From", "Quiet now until"): the group's name, and part of each list's. */
  label: string;
  /** `HH:MM`, 24-hour. */
  value: string;
  onChange: (next: string) => void;
  /** Shows the label above the lists (a form field) or beside them (a line of the weekly editor). Default `above`. */
  layout?: 'above' | 'inline';
}>;

/**
 * A clock time on the 24-hour clock, as the product speaks it ("20:00–07:00"), whatever the PC's
 * locale: an hour list (00–23) and a minutes list, named together by `label`. Chromium's
 * `<input type="time">` shows AM/PM under en-US, so it is not used.
 */
export function TimeField({ label, value, onChange, layout = 'above' }: TimeFieldProps): ReactElement {
  const { t } = useTranslation();
  const labelId = useId();
  const [hour = '00', minute = '00'] = value.split(':');
  return (
    <div className={`time-field time-field-${layout}`} role="group" aria-labelledby={labelId}>
      <span id={labelId} className="time-field-label">
        {label}
      </span>
      <span className="time-field-lists">
        <select
          aria-label={t('pane.timeField.hours', { field: label })}
          value={hour}
          onChange={(e) => onChange(`${e.target.value}:${minute}`)}
        >
          {HOURS.map((h) => (
            <option key={h}>{h}</option>
          ))}
        </select>
        <span aria-hidden="true">:</span>
        <select
          aria-label={t('pane.timeField.minutes', { field: label })}
          value={minute}
          onChange={(e) => onChange(`${hour}:${e.target.value}`)}
        >
          {minuteChoices(minute).map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </span>
    </div>
  );
}
