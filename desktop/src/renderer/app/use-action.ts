import { useCallback, useRef, useState } from 'react';
import type { ErrorBody, IpcResult } from '@hearth/common';

export type Action<A extends unknown[], T> = Readonly<{
  /** Runs the call; resolves with the value, or null when it failed (the error is kept). */
  run: (...args: A) => Promise<T | null>;
  busy: boolean;
  error: ErrorBody | null;
  clearError: () => void;
}>;

/** A button's call to main: busy while it runs, the last error kept to show. */
export function useAction<A extends unknown[], T>(call: (...args: A) => Promise<IpcResult<T>>): Action<A, T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const callRef = useRef(call);
  callRef.current = call;
  const run = useCallback(async (...args: A): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      const result = await callRef.current(...args);
      if (result.ok) return result.value;
      setError(result.error);
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
