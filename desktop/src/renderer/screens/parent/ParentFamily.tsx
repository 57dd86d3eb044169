import type { ReactElement } from 'react';
import { useHearth } from '../../app/hearth-context';
import { useLoad } from '../../app/use-load';
import { ErrorNote } from '../../ui/ErrorNote';
import { NoticesList } from '../family/NoticesList';
import { RedeemCode, RedeemedList } from '../family/RedeemCode';
import '../family/family.css';

/**
 * Parent mode on a grown-up's own PC: "I have a code from a family" (a second parent, a
 * grandmother), what became of the codes typed in, and what happened in the family.
 */
export function ParentFamily(): ReactElement {
  const hearth = useHearth();
  const invites = useLoad(() => hearth.listMyGrownUpInvites(), []);
  return (
    <section className="parent-family" aria-label="family">
      <RedeemCode send={(code) => hearth.redeemGrownUpInviteAsMe({ code })} onRedeemed={invites.reload} />
      <ErrorNote error={invites.error} />
      <RedeemedList invites={invites.value?.redeemed ?? []} />
      <NoticesList load={() => hearth.listMyNotices()} />
    </section>
  );
}
