import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useHearth } from '../../app/hearth-context';
import { reportProblem } from '../../app/report-problem';
import { useHearthEvent } from '../../app/use-event';

/**
 * On the locked pane: how many things wait for a grown-up (friend requests to approve, …), as a
 * count only, so a child at the PC learns no name from it. Hidden when nothing waits.
 */
export function AttentionBadge(): ReactElement | null {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    void hearth.getGrownUpAttention().then((r) => {
      if (!live) return;
      if (r.ok) setCount(r.value.count);
      else reportProblem(hearth, 'grown-ups', 'attention-count', r.error);
    });
    return () => {
      live = false;
    };
  }, [hearth]);
  useHearthEvent('attentionChanged', (a) => setCount(a.count));
  if (count === 0) return null;
  return (
    <p className="attention card narrow" role="status" data-testid="attention-badge">
      <span className="badge attention-count" aria-hidden="true">
        {count}
      </span>
      <span>{t('pane.attention.waiting', { count })}</span>
    </p>
  );
}
