import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult, Notice, NoticeList } from '@hearth/common';
import { useHearthEvent } from '../../app/use-event';
import { useLoad } from '../../app/use-load';
import { ErrorNote } from '../../ui/ErrorNote';
import { Button } from '../../ui/Button';
import { useReportOpener } from '../reports/reports-api';

/** What the relay keeps in place of a deleted child's name (relay-server/src/family/queries.ts). */
const FORGOTTEN_NAME = '?';

/** "What happened in your family": the relay's list, and each new notice as it comes (parent mode). */
export function NoticesList({
  load,
  hideWhenEmpty = false,
}: Readonly<{ load: () => Promise<IpcResult<NoticeList>>; hideWhenEmpty?: boolean }>): ReactElement | null {
  const { t, i18n } = useTranslation();
  const list = useLoad(load, []);
  // Issue 15: a notice about a report opens it, where the screen can (the pane, parent mode).
  const openReport = useReportOpener();
  const [live, setLive] = useState<readonly Notice[]>([]);
  useHearthEvent('notice', ({ notice }: { notice: Notice }) => setLive((l) => [notice, ...l]));
  const seen = new Set(live.map((n) => n.noticeId));
  const all = [...live, ...(list.value?.notices ?? []).filter((n) => !seen.has(n.noticeId))].sort((a, b) => b.at - a.at);
  const someone = t('pane.notices.someone');
  // A deleted child's name is forgotten on the relay (kept as "?"): said in words instead.
  const named = (name: string | undefined): string =>
    name === undefined ? someone : name === FORGOTTEN_NAME ? t('pane.notices.forgotten') : name;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (hideWhenEmpty && all.length === 0) return null;
  return (
    <section aria-labelledby="notices-title" className="family-notices">
      <h2 id="notices-title">{t('pane.notices.title')}</h2>
      <ErrorNote error={list.error} />
      {list.value && all.length === 0 && <p className="muted">{t('pane.notices.none')}</p>}
      <ul className="notice-items">
        {all.map((n) => (
          <li key={n.noticeId} className="notice-item" data-kind={n.kind}>
            <span>
              {n.byName === null
                ? t(`pane.notices.noBy.${n.kind}`, {
                    child: named(n.childName),
                    about: named(n.about?.displayName),
                    computer: n.computerName ?? someone,
                  })
                : t(`pane.notices.kind.${n.kind}`, {
                    child: named(n.childName),
                    by: n.byName,
                    about: named(n.about?.displayName),
                    computer: n.computerName ?? someone,
                  })}
            </span>{' '}
            <span className="muted">{when.format(n.at)}</span>
            {openReport && n.reportId !== undefined && (n.kind === 'friend-reported' || n.kind === 'child-was-reported') && (
              <>
                {' '}
                <Button
                  size="small"
                  onClick={() =>
                    n.reportId !== undefined &&
                    openReport({ reportId: n.reportId, kind: n.kind === 'friend-reported' ? 'mine' : 'shared' })
                  }
                >
                  {t('pane.reports.notice')}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
