import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_DAYS, type ActivityDetailDay } from '@hearth/common';

const DAY = 24 * 60 * 60 * 1000;
const BAR = 6;
const SLOT = 18;
const HEIGHT = 110;

/** The last 30 UTC dates, oldest first (the days the store groups by). */
export function lastDays(now: number): string[] {
  return Array.from({ length: ACTIVITY_DAYS }, (_, i) =>
    new Date(now - (ACTIVITY_DAYS - 1 - i) * DAY).toISOString().slice(0, 10),
  );
}

/**
 * A small bar chart: per day, messages (sent and received) beside call minutes. Plain SVG; the
 * table below it carries the same numbers for screen readers, so the picture has only a label.
 */
export function ActivityChart({ name, days }: Readonly<{ name: string; days: readonly ActivityDetailDay[] }>): ReactElement {
  const { t } = useTranslation();
  const byDay = new Map(days.map((d) => [d.day, d]));
  const dates = lastDays(Date.now());
  const values = dates.map((day) => {
    const d = byDay.get(day);
    return { day, messages: d ? d.sent + d.received : 0, calls: d ? d.callMinutes : 0 };
  });
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
