import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallService, useCallView } from '../../calls/calls-context';
import { Button } from '../../ui/Button';
import { ReadAloud } from '../../ui/ReadAloud';
import { minutesIn, useQuiet } from './quiet-context';
import { quietCallAction } from './quiet-call';

/**
 * Inside the calls overlay: two minutes before quiet time a call with a friend says so, and when
 * quiet time starts it ends gently with kid words. A call with the child's own grown-up goes on.
 */
export function QuietCallGuard(): ReactElement | null {
  const { t } = useTranslation();
  const status = useQuiet();
  const view = useCallView();
  const service = useCallService();
  const [ended, setEnded] = useState(false);
  const action = quietCallAction(status, view.phase, view.contact?.grownUp === true);
  const quietNow = status?.quiet === true;
  const hungUp = useRef(false);
  // A warned call the friend's side ended (its quiet time came a moment sooner): when ours comes,
  // the child hears why too. Our own "goodbye" after the warning needs no explaining.
  const warned = useRef(false);
  const friendEnded = view.phase === 'ended' && view.endReason === 'remote-hung-up';
  useEffect(() => {
    if (action === 'warn') warned.current = true;
    else if (action === null && !friendEnded && view.phase !== 'idle') warned.current = false;
    if (action === 'end' && !hungUp.current) {
      hungUp.current = true;
      warned.current = false;
      service.hangUp();
      setEnded(true);
    } else if (quietNow && warned.current) {
      warned.current = false;
      setEnded(true);
    }
    if (!quietNow) hungUp.current = false;
  }, [action, quietNow, service, friendEnded, view.phase]);
  // The kid words say why: the plain "call ended" note would sit under them.
  useEffect(() => {
    if (ended && view.phase === 'ended') service.dismiss();
  }, [ended, view.phase, service]);

  if (ended) {
    const text = t('quiet.callEnded');
    return (
      <div className="call-toast quiet-call-ended" role="status" data-testid="quiet-call-ended">
        <p>
          <span aria-hidden="true">🌙 </span>
          {text}
        </p>
        <ReadAloud text={text} always />
        <Button onClick={() => setEnded(false)}>{t('quiet.ok')}</Button>
      </div>
    );
  }
  if (action !== 'warn' || status?.startsInMs == null) return null;
  const text = t('quiet.callSoon', { count: minutesIn(status.startsInMs) });
  return (
    <div className="call-toast quiet-call-warning" role="status" data-testid="quiet-call-warning">
      <p>
        <span aria-hidden="true">🌙 </span>
        {text}
      </p>
      <ReadAloud text={text} always />
    </div>
  );
}
