import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadAloud } from '../../ui/ReadAloud';
import { minutesIn, useQuiet } from './quiet-context';

/** A warning this long before quiet time starts (or the real minutes left, when fewer). */
export const QUIET_WARNING_MS = 10 * 60_000;

/** "Quiet time starts in 10 minutes": a calm banner above the child's screens, with read-aloud. */
export function QuietWarning(): ReactElement | null {
  const { t } = useTranslation();
  const status = useQuiet();
  if (!status || status.quiet || status.startsInMs === null || status.startsInMs > QUIET_WARNING_MS) return null;
  const text = t('quiet.soon', { count: minutesIn(status.startsInMs) });
  return (
    <div className="quiet-warning" role="status" data-testid="quiet-warning">
      <span aria-hidden="true">🌙 </span>
      <span>{text}</span>
      <ReadAloud text={text} always />
    </div>
  );
}
