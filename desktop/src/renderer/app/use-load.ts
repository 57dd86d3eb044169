import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody, IpcResult } from '@hearth/common';

export type Loaded<T> = Readonly<{
  value: T | null;
  error: ErrorBody | null;
  loading: boolean;
  /** Loads again (keeps showing the last value meanwhile). */
  reload: () => void;
}>;

/**
 * Calls a channel when the component mounts and whenever `deps` change; a late answer for
 * old deps is dropped.
 */
export function useLoad<T>(load: () => Promise<IpcResult<T>>, deps: readonly unknown[]): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let live = true;
    setLoading(true);
    void loadRef.current().then((result) => {
      if (!live) return;
      setLoading(false);
      if (result.ok) {
        setValue(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
    return () => {
      live = false;
    };
    // The caller's deps are this hook's deps, as with useEffect's own list.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { value, error, loading, reload };
}
