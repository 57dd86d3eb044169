import { useEffect, useState } from 'react';
import type { ChildId, ChildQuiet, ErrorBody, IpcResult } from '@hearth/common';
import { useHearthEvent } from '../../app/use-event';

/**
 * One child's quiet view for a grown-up (the pane or parent mode): loaded for `childId` (reset when
 * it changes, so another child's schedule never shows), replaced by each save (`setQuiet`), and
 * its status kept live from the relay's `childQuiet` pushes.
 */
export function useChildQuiet(
  childId: ChildId,
  load: (childId: ChildId) => Promise<IpcResult<ChildQuiet>>,
): Readonly<{ quiet: ChildQuiet | null; error: ErrorBody | null; setQuiet: (q: ChildQuiet) => void }> {
  const [quiet, setQuiet] = useState<ChildQuiet | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  useEffect(() => {
    let live = true;
    setQuiet(null);
    setError(null);
    void load(childId).then((r) => {
      if (!live) return;
      if (r.ok) setQuiet(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
    // `load` is a channel of the bridge, the same for the page's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [childId]);
  useHearthEvent('childQuiet', (e) => {
    if (e.childId === childId) setQuiet((q) => (q ? { ...q, status: e.status } : q));
  });
  return { quiet, error, setQuiet };
}
