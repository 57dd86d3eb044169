import os from 'node:os';
import type { Scheduler } from './lock/parent-lock';
import type { DeviceInfoSource } from './services/ports';
import type { SettingsService } from './services/settings';

// Small pieces of `createDesktopCore`'s wiring, kept apart so core.ts stays a readable list of services.

export function defaultDeviceInfo(appVersion: string): DeviceInfoSource {
  return () => {
    const intl = Intl.DateTimeFormat().resolvedOptions();
    return {
      os: os.platform().slice(0, 64),
      osVersion: (os.release() || 'unknown').slice(0, 64),
      appVersion,
      language: intl.locale,
      timeZone: intl.timeZone,
    };
  };
}

export const unrefSchedule: Scheduler = (fn, ms) => {
  const t = setTimeout(fn, ms);
  t.unref();
  return () => clearTimeout(t);
};

/** The PC's info with the app's own language when a grown-up picked one (`auto`: the system's). */
export function withAppLanguage(source: DeviceInfoSource, settings: SettingsService): DeviceInfoSource {
  return () => {
    const info = source();
    const language = settings.get().language;
    return language === 'auto' ? info : { ...info, language };
  };
}

/** The settings, telling `languageChanged` after an update that names the language. */
export function settingsThatTell(settings: SettingsService, languageChanged: () => void): SettingsService {
  return Object.freeze({
    get: settings.get,
    update(patch) {
      const next = settings.update(patch);
      if (patch.language !== undefined) languageChanged();
      return next;
    },
  });
}
