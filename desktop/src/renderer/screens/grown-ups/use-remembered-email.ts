import { useEffect, useState } from 'react';
import { useHearth } from '../../app/hearth-context';

/**
 * The grown-up's Hearth email this PC remembers ('' when none), or null while it is being read:
 * forms wait for it, so that it is there to start with.
 */
export function useRememberedEmail(): string | null {
  const hearth = useHearth();
  const [email, setEmail] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void hearth.getRememberedEmail().then((r) => {
      if (live) setEmail(r.ok ? (r.value.email ?? '') : '');
    });
    return () => {
      live = false;
    };
  }, [hearth]);
  return email;
}
