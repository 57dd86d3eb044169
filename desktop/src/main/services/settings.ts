import { Settings, type SettingsPatch, type Settings as SettingsValue } from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { readSettings, writeSettings } from '../db/family/queries/settings';
import { matches } from '../validate';

export const DEFAULT_SETTINGS: SettingsValue = Object.freeze({
  autoLockMinutes: 5,
  readAloud: false,
  relayOnlyCalls: true,
  language: 'auto',
});

export type SettingsService = Readonly<{
  get: () => SettingsValue;
  update: (patch: SettingsPatch) => SettingsValue;
}>;

/** This PC's settings in the family store. A stored value that no longer fits falls back to its default. */
export function createSettingsService(db: WritableDB): SettingsService {
  const get = (): SettingsValue => {
    const stored = readSettings(db);
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS)) {
      const candidate = { ...merged, [key]: stored[key] };
      if (key in stored && matches(Settings, candidate)) merged[key] = stored[key];
    }
    return merged as SettingsValue;
  };
  return Object.freeze({
    get,
    update(patch: SettingsPatch): SettingsValue {
      writeSettings(db, patch);
      return get();
    },
  });
}
