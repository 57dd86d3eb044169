import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockStatus } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { reportProblem } from '../../app/report-problem';
import { Button } from '../../ui/Button';
import { Screen } from '../../ui/Screen';
import { ActivitySection } from './ActivitySection';
import { AttentionBadge } from './AttentionBadge';
import { ChildrenSection } from './ChildrenSection';
import { ComingSoonSection } from './ComingSoonSection';
import { FamilySection, NoticesSection } from '../family/FamilySection';
import { MessagesSection } from './MessagesSection';
import { QuietSection } from '../quiet/QuietSection';
import { RequestsSection } from './RequestsSection';
import { SettingsSection } from './SettingsSection';
import { onOpenUpdates } from '../update/open-updates';
import { SignInForm } from './SignInForm';
import { UnlockForm } from './UnlockForm';
import { PolicyChangesCard } from './PolicyChangesCard';
import { ReportsView } from '../reports/ReportsView';
import { ReportOpener, paneReportsApi, type ReportTarget } from '../reports/reports-api';

type Section =
  'requests' | 'messages' | 'children' | 'family' | 'notices' | 'quiet' | 'computer' | 'activity' | 'later' | 'reports';
const SECTIONS: readonly { id: Section; icon: string; needsServer: boolean }[] = [
  { id: 'requests', icon: '🤝', needsServer: true },
  { id: 'messages', icon: '💬', needsServer: true },
  { id: 'children', icon: '👧', needsServer: true },
  { id: 'family', icon: '🏠', needsServer: true },
  { id: 'notices', icon: '📰', needsServer: true },
  { id: 'quiet', icon: '🌙', needsServer: true },
  { id: 'activity', icon: '📊', needsServer: false },
  { id: 'computer', icon: '⚙️', needsServer: false },
  { id: 'later', icon: '🧭', needsServer: false },
  { id: 'reports', icon: '🚩', needsServer: true },
];

/** How often, at most, the pane tells main the grown-up is still here. */
const KEEP_ALIVE_MS = 30_000;

/** Pushes the pane's auto-lock back while the grown-up is using it. */
function useKeepUnlocked(active: boolean): () => void {
  const hearth = useHearth();
  const last = useRef(0);
  return () => {
    if (!active || Date.now() - last.current < KEEP_ALIVE_MS) return;
    last.current = Date.now();
    void hearth.keepParentUnlocked().then((r) => {
      // The pane locks a little early; nothing to show the grown-up, but main's log hears of it.
      if (!r.ok) reportProblem(hearth, 'grown-ups', 'keep-parent-unlocked', r.error);
    });
  };
}

export type GrownUpsPaneProps = Readonly<{
  lock: LockStatus;
  parentMode: boolean;
  /** Back to the children's side (the caller locks the pane where it should). */
  onClose: () => void;
  onParentModeChanged: () => void;
}>;

/** The locked grown-ups' pane: friend requests, children and devices, activity, this PC's settings. */
export function GrownUpsPane({ lock, parentMode, onClose, onParentModeChanged }: GrownUpsPaneProps): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [section, setSection] = useState<Section>('requests');
  const unlocked = lock.state === 'unlocked';
  const touch = useKeepUnlocked(unlocked);
  const heading = useRef<HTMLDivElement>(null);
  // After "Forgot password?" the form that saved the new password stays until "Continue".
  const [heldByReset, setHeldByReset] = useState<'unlock' | 'sign-in' | null>(null);
  // Issue 15: a report to open in "Reports" (from a notice in "What happened").
  const [openReport, setOpenReport] = useState<ReportTarget | null>(null);
  const openReportFromNotice = (target: ReportTarget): void => {
    setOpenReport(target);
    setSection('reports');
  };

  useEffect(() => {
    heading.current?.focus();
  }, [section]);
  // "Hearth needs an update" links to the updates card in "This computer" (issue 17 §3).
  useEffect(() => onOpenUpdates(() => setSection('computer')), []);

  if (!unlocked || heldByReset === 'unlock') {
    return (
      <Screen name="grown-ups-locked" tone="grown-up" title={t('pane.title')} onBack={onClose} backLabel={t('pane.backToKids')}>
        <AttentionBadge />
        <UnlockForm lock={lock} onUnlocked={() => setHeldByReset(null)} onResetSaving={() => setHeldByReset('unlock')} />
      </Screen>
    );
  }

  const current = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0];
  let body: ReactNode;
  if ((current?.needsServer && !lock.parentSignedIn) || heldByReset === 'sign-in') {
    body = <SignInForm onSignedIn={() => setHeldByReset(null)} onResetSaving={() => setHeldByReset('sign-in')} />;
  } else if (section === 'requests') {
    body = (
      <>
        <PolicyChangesCard />
        <RequestsSection />
      </>
    );
  } else if (section === 'messages') body = <MessagesSection />;
  else if (section === 'children') body = <ChildrenSection parentMode={parentMode} />;
  else if (section === 'family') body = <FamilySection />;
  else if (section === 'notices') body = <NoticesSection />;
  else if (section === 'quiet') body = <QuietSection />;
  else if (section === 'activity') body = <ActivitySection />;
  else if (section === 'reports')
    body = <ReportsView api={paneReportsApi(hearth)} notices={() => hearth.listNotices()} open={openReport} />;
  else if (section === 'computer') body = <SettingsSection parentMode={parentMode} onParentModeChanged={onParentModeChanged} />;
  else body = <ComingSoonSection onOpenFamily={() => setSection('family')} onOpenReports={() => setSection('reports')} />;

  return (
    <div onPointerDown={touch} onKeyDown={touch}>
      <Screen
        name={`grown-ups-${section}${current?.needsServer && !lock.parentSignedIn ? '-sign-in' : ''}`}
        tone="grown-up"
        title={t('pane.title')}
        onBack={onClose}
        backLabel={t('pane.backToKids')}
        actions={
          <>
            {lock.parentSignedIn && (
              <Button
                icon="🚪"
                onClick={() =>
                  void hearth.signOutParent().then((r) => {
                    if (!r.ok) reportProblem(hearth, 'grown-ups', 'sign-out-button', r.error);
                    onClose();
                  })
                }
              >
                {t('pane.signOut')}
              </Button>
            )}
            <Button
              icon="🔒"
              onClick={() =>
                void hearth.lock().then((r) => {
                  if (!r.ok) reportProblem(hearth, 'grown-ups', 'lock-button', r.error);
                  onClose();
                })
              }
            >
              {t('pane.lockNow')}
            </Button>
          </>
        }
      >
        <div className="pane">
          <nav className="pane-nav" aria-label={t('pane.navLabel')}>
            <ul>
              {SECTIONS.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className={`pane-nav-item${s.id === section ? ' pane-nav-on' : ''}`}
                    aria-current={s.id === section ? 'page' : undefined}
                    onClick={() => setSection(s.id)}
                  >
                    <span aria-hidden="true">{s.icon} </span>
                    {s.id === 'reports' ? t('pane.reports.nav') : t(`pane.nav.${s.id}`)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div className="pane-content" ref={heading} tabIndex={-1}>
            <ReportOpener.Provider value={openReportFromNotice}>{body}</ReportOpener.Provider>
          </div>
        </div>
      </Screen>
    </div>
  );
}
