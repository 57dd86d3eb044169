import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, LockStatus, PolicyInfo, Profile, Settings, UiLanguage } from '@hearth/common';
import { resolveLanguage } from '../i18n/create-i18n';
import { FirstRun } from '../screens/first-run/FirstRun';
import { GrownUpsPane } from '../screens/grown-ups/GrownUpsPane';
import { KidApp } from '../screens/kid/KidApp';
import { ParentStart } from '../screens/parent/ParentStart';
import { ProfilePicker } from '../screens/picker/ProfilePicker';
import { UpdateNotice } from '../screens/update/UpdateNotice';
import { useHearth } from './hearth-context';
import { reportProblem } from './report-problem';
import { SettingsProvider } from './settings-context';
import { useHearthEvent } from './use-event';
import { useSystemNotifications } from './use-system-notifications';

type Boot = Readonly<{ info: AppInfo; lock: LockStatus; profile: Profile | null; settings: Settings; policy: PolicyInfo | null }>;

/** How long to wait before asking main again when it could not be reached at start. */
const BOOT_RETRY_MS = 2_000;

/** Which screen shows: first run, the grown-ups' pane, parent mode, a child's Hearth or the profile picker. */
export function Root(): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const [boot, setBoot] = useState<Boot | null>(null);
  const [bootFailed, setBootFailed] = useState(false);
  const [firstRun, setFirstRun] = useState<boolean | null>(null);
  const [pane, setPane] = useState(false);

  const load = useCallback(async (): Promise<boolean> => {
    const [info, lock, current, settings, policy] = await Promise.all([
      hearth.getAppInfo(),
      hearth.getLockStatus(),
      hearth.getCurrentProfile(),
      hearth.getSettings(),
      hearth.getPolicy(),
    ]);
    if (!info.ok || !lock.ok || !current.ok || !settings.ok) return false;
    setBoot({
      info: info.value,
      lock: lock.value,
      profile: current.value.profile,
      settings: settings.value,
      policy: policy.ok ? policy.value : null,
    });
    setFirstRun((was) => was ?? !info.value.lockSet);
    return true;
  }, [hearth]);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const attempt = (): void => {
      void load().then((ok) => {
        if (!live) return;
        setBootFailed(!ok);
        if (!ok) timer = setTimeout(attempt, BOOT_RETRY_MS);
      });
    };
    attempt();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [load]);

  useHearthEvent('lockChanged', (lock) => setBoot((b) => (b ? { ...b, lock } : b)));
  useHearthEvent('profileChanged', () => void load());
  useSystemNotifications();

  const language = boot?.settings.language ?? 'auto';
  // react-i18next hands out a new `i18n` at each language change, so this runs then too: the
  // language shown must therefore always be the one in `boot.settings` (first run's switch sets it).
  useEffect(() => {
    const lang = resolveLanguage(language, navigator.languages);
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [language, i18n]);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.name');
  }, [i18n.language, t]);

  /** First run's switch: shows the language at once and keeps it as this PC's language. */
  const chooseFirstRunLanguage = useCallback(
    async (l: UiLanguage): Promise<void> => {
      setBoot((b) => (b ? { ...b, settings: { ...b.settings, language: l } } : b));
      const kept = await hearth.setFirstRunLanguage({ language: l });
      // Not kept (Hearth was set up meanwhile): show what this PC really has.
      if (!kept.ok) void load();
    },
    [hearth, load],
  );

  const settingsValue = useMemo(
    () => ({
      settings: boot?.settings ?? { autoLockMinutes: 5, readAloud: false, relayOnlyCalls: true, language: 'auto' as const },
      refresh: () => void load(),
    }),
    [boot?.settings, load],
  );

  if (!boot) {
    return (
      <main className="boot" data-screen="boot">
        <h1>{t('app.name')}</h1>
        {bootFailed ? (
          <p role="alert" className="error-note">
            {t('app.lostConnection')}
          </p>
        ) : (
          <p role="status">{t('app.starting')}</p>
        )}
      </main>
    );
  }

  const { info, lock, profile } = boot;
  const closePane = (): void => {
    setPane(false);
    // On a children's PC the pane never stays open behind them.
    if (!info.parentMode && lock.state === 'unlocked') {
      // Auto-lock still closes the pane later; main's log hears that this lock did not happen.
      void hearth.lock().then((r) => {
        if (!r.ok) reportProblem(hearth, 'grown-ups', 'lock-on-close', r.error);
      });
    }
    void load();
  };

  const screen = ((): ReactElement => {
    if (firstRun) {
      return (
        <FirstRun
          info={info}
          policy={boot.policy}
          onLanguage={(l: UiLanguage) => void chooseFirstRunLanguage(l)}
          onFinished={() => {
            setFirstRun(false);
            void load();
          }}
        />
      );
    }
    if (pane) {
      return (
        <GrownUpsPane
          lock={lock}
          parentMode={info.parentMode}
          onClose={closePane}
          onParentModeChanged={() => {
            // Back to an empty picker: the grown-ups' pane can enroll children or start parent mode again.
            setPane(false);
            void load();
          }}
        />
      );
    }
    if (info.parentMode) {
      if (profile?.kind === 'parent') return <KidApp key={profile.childId} profile={profile} />;
      return <ParentStartFor lock={lock} onGrownUps={() => setPane(true)} />;
    }
    if (profile) return <KidApp key={profile.childId} profile={profile} />;
    return <ProfilePicker onGrownUps={() => setPane(true)} />;
  })();

  // Grown-ups read the update notice in the pane, first run and parent mode; children everywhere else.
  const audience = firstRun || pane || info.parentMode ? 'grownUps' : 'kids';
  return (
    <SettingsProvider value={settingsValue}>
      <UpdateNotice audience={audience} />
      {screen}
    </SettingsProvider>
  );
}

/** Parent mode's front door for the parent profile kept on this PC. */
function ParentStartFor({ lock, onGrownUps }: Readonly<{ lock: LockStatus; onGrownUps: () => void }>): ReactElement | null {
  const hearth = useHearth();
  const [parent, setParent] = useState<Profile | null>(null);
  useEffect(() => {
    void hearth.listProfiles().then((r) => {
      if (r.ok) setParent(r.value.profiles.find((p) => p.kind === 'parent') ?? null);
      else reportProblem(hearth, 'profiles', 'list-profiles', r.error);
    });
  }, [hearth]);
  return parent ? <ParentStart parent={parent} lock={lock} onGrownUps={onGrownUps} /> : null;
}
