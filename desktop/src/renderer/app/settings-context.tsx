import { createContext, useContext, type ReactElement, type ReactNode } from 'react';
import type { Settings } from '@hearth/common';

export type SettingsValue = Readonly<{ settings: Settings; refresh: () => void }>;

const DEFAULTS: Settings = { autoLockMinutes: 5, readAloud: false, relayOnlyCalls: true, language: 'auto' };
const SettingsContext = createContext<SettingsValue>({ settings: DEFAULTS, refresh: () => undefined });

/** This PC's settings for every screen; `refresh` after the grown-ups change them. */
export function SettingsProvider({ value, children }: Readonly<{ value: SettingsValue; children: ReactNode }>): ReactElement {
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsValue {
  return useContext(SettingsContext);
}
