import { useEffect, useState } from 'react';

/** Seconds left of a cooldown that `start()` begins (ticking), e.g. before a code may be sent again. */
export function useCooldown(seconds: number, startNow = false): Readonly<{ left: number; start: () => void }> {
  const [until, setUntil] = useState<number | null>(() => (startNow ? Date.now() + seconds * 1000 : null));
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null || until <= Date.now()) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [until]);
  return {
    left: until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000)),
    start: () => {
      setNow(Date.now());
      setUntil(Date.now() + seconds * 1000);
    },
  };
}
