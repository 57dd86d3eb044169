import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDetail } from '@hearth/common';

/**
 * Whose measure "time in Hearth" is (issue 14): the relay's count of online and in-call minutes on
 * every PC, or — when the relay could not be reached — this PC's own, said plainly.
 */
export function TimeSourceNote({ name, detail }: Readonly<{ name: string; detail: ActivityDetail }>): ReactElement {
  const { t } = useTranslation();
  return (
    <p className={detail.timeSource === 'relay' ? 'hint time-source' : 'time-source'} data-source={detail.timeSource}>
      {detail.timeSource === 'relay'
        ? t('usageView.fromRelay', { name, zone: detail.timeZone ?? 'UTC' })
        : t('usageView.thisPc', { name })}
    </p>
  );
}
