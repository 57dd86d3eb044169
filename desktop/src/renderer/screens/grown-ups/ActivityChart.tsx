import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_DAYS, type ActivityDetailDay } from '@hearth/common';

const DAY = 24 * 60 * 60 * 1000;
const BAR = 6;
const SLOT = 18;
const HEIGHT = 110;

/** `YYYY-MM-DD` of an instant in `timeZone` (the browser's zone data, no offsets by hand). */
function dayIn(timeZone: string, at: number): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    at,
  );
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The last 30 days, oldest first, as the view's days are keyed: in the child's zone when the relay
 * named it, else UTC dates. Counted back from today's date, so a 23- or 25-hour day is one day.
 */
export function lastDays(now: number, timeZone = 'UTC'): string[] {
  const today = Date.parse(`${dayIn(timeZone, now)}T00:00:00Z`);
  return Array.from({ length: ACTIVITY_DAYS }, (_, i) =>
    new Date(today - (ACTIVITY_DAYS - 1 - i) * DAY).toISOString().slice(0, 10),
  );
}

/**
 * A small bar chart: per day, messages (sent and received) beside call minutes. Plain SVG; the
 * table below it carries the same numbers for screen readers, so the picture has only a label.
 * With no message and no call in the 30 days, a sentence says so instead.
 */
export function ActivityChart({
  name,
  days,
  timeZone,
}: Readonly<{ name: string; days: readonly ActivityDetailDay[]; timeZone?: string | undefined }>): ReactElement {
  const { t } = useTranslation();
  const byDay = new Map(days.map((d) => [d.day, d]));
  const dates = lastDays(Date.now(), timeZone);
  const values = dates.map((day) => {
    const d = byDay.get(day);
    return { day, messages: d ? d.sent + d.received : 0, calls: d ? d.callMinutes : 0 };
  });
  // Thirty empty days are said in words, not drawn as an empty box.
  if (values.every((v) => v.messages === 0 && v.calls === 0))
    return (
      <p className="muted" data-testid="activity-chart-empty">
        {t('activityView.chartEmpty', { name })}
      </p>
    );
  const top = Math.max(1, ...values.map((v) => Math.max(v.messages, v.calls)));
  const h = (n: number): number => Math.round((n / top) * (HEIGHT - 10));
  return (
    <figure className="activity-chart">
      <svg
        role="img"
        aria-label={t('activityView.chartLabel', { name })}
        viewBox={`0 0 ${dates.length * SLOT} ${HEIGHT + 2}`}
        width="100%"
        height={HEIGHT + 2}
        preserveAspectRatio="none"
      >
        <line x1={0} x2={dates.length * SLOT} y1={HEIGHT} y2={HEIGHT} className="chart-axis" />
        {values.map((v, i) => (
          <g key={v.day} data-day={v.day}>
            <rect className="chart-messages" x={i * SLOT + 2} y={HEIGHT - h(v.messages)} width={BAR} height={h(v.messages)} />
            <rect className="chart-calls" x={i * SLOT + 2 + BAR} y={HEIGHT - h(v.calls)} width={BAR} height={h(v.calls)} />
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend" aria-hidden="true">
        <span className="legend-messages">{t('activityView.legendMessages')}</span>
        <span className="legend-calls">{t('activityView.legendCalls')}</span>
      </figcaption>
    </figure>
  );
}
