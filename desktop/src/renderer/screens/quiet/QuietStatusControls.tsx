import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildQuiet, ErrorBody, IpcResult, QuietStatus } from '@hearth/common';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { TimeField } from '../../ui/TimeField';
import { clockText } from './quiet-context';
import './quiet.css';

/** "in 1 h 5 min" from a duration the relay said. */
function durationText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d} d ${h} h`;
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}

/** The status line a guardian reads: "Quiet time until 07:00", "Not quiet now · 40 minutes left today". */
export function QuietStatusLine({ status }: Readonly<{ status: QuietStatus | null }>): ReactElement {
  const { t } = useTranslation();
  if (!status) return <p className="quiet-status">{t('pane.quiet.status.unknown')}</p>;
  const parts: string[] = [];
  if (status.quiet) {
    const until = status.endsAt ? clockText(status.endsAt) : null;
    if (status.reason === 'limit' && until) parts.push(t('pane.quiet.status.limit', { time: until }));
    else parts.push(until ? t('pane.quiet.status.quietUntil', { time: until }) : t('pane.quiet.status.quietNoEnd'));
  } else {
    parts.push(t('pane.quiet.status.open'));
    if (status.startsInMs !== null) parts.push(t('pane.quiet.status.startsIn', { time: durationText(status.startsInMs) }));
  }
  if (status.minutesLeftToday !== null) parts.push(t('pane.quiet.status.minutesLeft', { count: status.minutesLeftToday }));
  return (
    <div>
      <p className="quiet-status" data-testid="quiet-status" data-quiet={status.quiet}>
        <span aria-hidden="true">{status.quiet ? '🌙 ' : '☀️ '}</span>
        {parts.join(' · ')}
      </p>
      <p className="field-hint">{t('pane.quiet.status.zone', { zone: status.timeZone })}</p>
    </div>
  );
}

export type QuietActions = Readonly<{
  quietNow: (until: string) => Promise<IpcResult<ChildQuiet>>;
  extraMinutes: (minutes: 15 | 30) => Promise<IpcResult<ChildQuiet>>;
}>;

/**
 * Status, "Quiet now until …" and "15 / 30 more minutes today" (where the child has a daily
 * limit): the same in the pane and in parent mode on a grown-up's own PC.
 */
export function QuietStatusControls({
  status,
  actions,
  onChanged,
}: Readonly<{ status: QuietStatus | null; actions: QuietActions; onChanged: (q: ChildQuiet) => void }>): ReactElement {
  const { t } = useTranslation();
  const [until, setUntil] = useState('07:00');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const run = (call: () => Promise<IpcResult<ChildQuiet>>): void => {
    setBusy(true);
    setError(null);
    void call().then((r) => {
      setBusy(false);
      if (r.ok) onChanged(r.value);
      else setError(r.error);
    });
  };
  return (
    <div className="quiet-now">
      <QuietStatusLine status={status} />
      <div className="quiet-controls">
        <TimeField label={t('pane.quiet.quietNow')} value={until} onChange={setUntil} />
        <Button icon="🌙" disabled={busy || !/^\d\d:\d\d$/.test(until)} onClick={() => run(() => actions.quietNow(until))}>
          {t('pane.quiet.quietNowButton')}
        </Button>
        {/* More minutes only lengthen a daily limit: without one they would do nothing. */}
        {status?.minutesLeftToday != null && (
          <>
            <Button icon="⏳" disabled={busy} onClick={() => run(() => actions.extraMinutes(15))}>
              {t('pane.quiet.more15')}
            </Button>
            <Button icon="⏳" disabled={busy} onClick={() => run(() => actions.extraMinutes(30))}>
              {t('pane.quiet.more30')}
            </Button>
          </>
        )}
      </div>
      <ErrorNote error={error} />
    </div>
  );
}
