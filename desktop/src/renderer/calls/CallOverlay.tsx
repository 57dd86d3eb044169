import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { ReportButton } from '../screens/report/ReportButton';
import './calls.css';
import { useCallService, useCallView } from './calls-context';
import { InCallScreen } from './InCallScreen';
import { RingScreen } from './RingScreen';
import { useCallsTranslation } from './use-calls-translation';

/** Drawn above every screen of the profile: the ring, the call, why a call ended, and call problems. */
export function CallOverlay(): ReactElement | null {
  const { t } = useCallsTranslation();
  const { t: tApp } = useTranslation();
  const service = useCallService();
  const view = useCallView();
  const problem = view.problem && (
    <p className="call-problem" role="alert" data-testid="call-problem" data-problem={view.problem}>
      {t(`problem.${view.problem}`)}
    </p>
  );
  const endText = (reason: typeof view.endReason): string | null =>
    reason === null
      ? null
      : reason === 'lost'
        ? tApp('netCalls.lost')
        : t(`ended.${reason}`, { name: view.contact?.displayName ?? '' });
  switch (view.phase) {
    case 'incoming':
      return <RingScreen view={view} />;
    case 'outgoing':
    case 'connecting':
    case 'active':
    case 'reconnecting':
      return (
        <>
          <InCallScreen view={view} />
          {problem && <div className="call-toast">{problem}</div>}
        </>
      );
    case 'ended':
      return (
        <div className="call-toast">
          <div className="call-ended" role="status" data-testid="call-ended" data-reason={view.endReason ?? ''}>
            <p>{endText(view.endReason)}</p>
            {problem}
            <Button onClick={() => service.dismiss()}>{t('ok')}</Button>
          </div>
          {/* F11: "Something's wrong" on the call's end screen, beside (not inside) what it says. */}
          {view.contact && (
            <ReportButton
              before={() => service.dismiss()}
              request={{ about: view.contact.contactId, name: view.contact.displayName, place: 'call-end', itemId: view.callId }}
            />
          )}
        </div>
      );
    case 'idle':
      return problem ? (
        <div className="call-toast" role="status">
          {problem}
          <Button onClick={() => service.dismiss()}>{t('ok')}</Button>
        </div>
      ) : null;
    default: {
      const never: never = view.phase;
      throw new Error(`unknown call phase ${String(never)}`);
    }
  }
}
