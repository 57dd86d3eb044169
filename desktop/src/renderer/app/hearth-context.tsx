import { createContext, useContext, type ReactElement, type ReactNode } from 'react';
import type { HearthApi } from '@hearth/common';

const HearthContext = createContext<HearthApi | null>(null);

/** Makes `window.hearth` (or a test's API) available to every screen. */
export function HearthProvider({ api, children }: Readonly<{ api: HearthApi; children: ReactNode }>): ReactElement {
  return <HearthContext.Provider value={api}>{children}</HearthContext.Provider>;
}

/** The one bridge to main. */
export function useHearth(): HearthApi {
  const api = useContext(HearthContext);
  if (!api) throw new Error('useHearth needs a HearthProvider');
  return api;
}
