import { useState, type ReactElement } from 'react';
import { useHearth } from '../../app/hearth-context';
import { useHearthEvent } from '../../app/use-event';
import { useLoad } from '../../app/use-load';
import { ErrorNote } from '../../ui/ErrorNote';
import { NoticesList } from '../family/NoticesList';
import { RedeemCode, RedeemedList } from '../family/RedeemCode';
import { ParentDailySummaries } from './ParentDailySummaries';
import { ParentQuiet } from './ParentQuiet';
import { ReportsView } from '../reports/ReportsView';
import { ReportOpener, parentModeReportsApi, type ReportTarget } from '../reports/reports-api';
import { DeleteMyAccount } from '../grown-ups/DeleteMyAccount';
import '../family/family.css';

/**
 * Parent mode on a grown-up's own PC: "I have a code from a family" (a second parent, a
 * grandmother), what became of the codes typed in, and what happened in the family (only a
 * guardian is told, so a trusted grown-up's PC shows no such list).
 */
export function ParentFamily({ contactIds }: Readonly<{ contactIds: ReadonlySet<string> }>): ReactElement {
  const hearth = useHearth();
  const invites = useLoad(() => hearth.listMyGrownUpInvites(), []);
  // Issue 15: a notice about a report opens it in the reports above.
  const [openReport, setOpenReport] = useState<ReportTarget | null>(null);
  // Confirmed: the children arrive as contacts, and the code's line says so.
  useHearthEvent('friendsChanged', invites.reload);
  return (
    <section className="parent-family" aria-label="family">
      <RedeemCode send={(code) => hearth.redeemGrownUpInviteAsMe({ code })} onRedeemed={invites.reload} />
      <ErrorNote error={invites.error} />
      {/* A confirmed code whose children are no longer contacts (the grown-up was removed) says nothing more. */}
      <RedeemedList
        invites={(invites.value?.redeemed ?? []).filter(
          (i) => i.state !== 'confirmed' || i.children.some((c) => contactIds.has(c.childId)),
        )}
      />
      <ParentQuiet />
      <ParentDailySummaries />
      <ReportsView
        api={parentModeReportsApi(hearth)}
        notices={() => hearth.listMyNotices()}
        open={openReport}
        hideWhenEmpty={openReport === null}
      />
      <ReportOpener.Provider value={setOpenReport}>
        <NoticesList load={() => hearth.listMyNotices()} hideWhenEmpty />
      </ReportOpener.Provider>
      <DeleteMyAccount
        api={{
          preview: () => hearth.previewMyGrownUpAccountDeletionAsMe(),
          remove: (password) => hearth.deleteMyGrownUpAccountAsMe({ password }),
        }}
      />
    </section>
  );
}
