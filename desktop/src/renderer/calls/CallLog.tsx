import { memo, useEffect, useMemo, useState, type ReactElement } from 'react';
import type { CallRecord, Friend } from '@hearth/common';
import { useHearth } from '../app/hearth-context';
import { reportProblem } from '../app/report-problem';
import { useCallViewOf } from './calls-context';
import type { CallView } from './call-types';
import { formatDuration } from './InCallScreen';
import { useCallsTranslation } from './use-calls-translation';

const ICONS: Readonly<Record<CallRecord['outcome'], string>> = {
  answered: '✅',
  missed: '⏰',
  declined: '✋',
  busy: '⛔',
  failed: '⚠️',
  lost: '📶',
};

/** Changes when a call ends (and when its ended screen goes): the log reloads then, and only then. */
const reloadKeyOf = (view: CallView): string =>
  view.phase === 'ended' || view.phase === 'idle' ? `${view.phase}:${view.endReason ?? ''}` : 'busy';

/**
 * The child's call log (newest first): who, when, how long, or why nobody talked. Names come
 * from the contact list passed in; it reloads whenever a call ends, and is not drawn again at the
 * steps of a call in between (a long log redrawn at each sat on a call's setup, issue 18).
 */
export function CallLog({ friends, contactId }: Readonly<{ friends: readonly Friend[]; contactId?: string }>): ReactElement {
  const { t, i18n } = useCallsTranslation();
  const hearth = useHearth();
  const reloadKey = useCallViewOf(reloadKeyOf);
  const [calls, setCalls] = useState<readonly CallRecord[]>([]);
  useEffect(() => {
    let live = true;
    void hearth.listCalls(contactId === undefined ? {} : { contactId }).then((r) => {
      if (!r.ok) reportProblem(hearth, 'calls', 'list-calls', r.error);
      else if (live) setCalls(r.value.calls);
    });
    return () => {
      live = false;
    };
  }, [hearth, contactId, reloadKey]);
  const nameOf = (id: string): string =>
    friends.find((f) => f.friendship.friend.accountId === id)?.friendship.friend.displayName ?? '…';
  const language = i18n?.language;
  const when = useMemo(() => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }), [language]);
  return (
    <section className="call-log" aria-labelledby="call-log-title" data-testid="call-log">
      <h2 id="call-log-title">{t('log.title')}</h2>
      {calls.length === 0 && <p>{t('log.empty')}</p>}
      <ol>
        {calls.map((c) => (
          <CallLogEntry key={c.callId} call={c} name={nameOf(c.contactId)} when={when} />
        ))}
      </ol>
    </section>
  );
}

/**
 * One line of the call log: who, how, when, and how long they talked (answered, or lost to the
 * network after talking) or why nobody talked.
 */
export const CallLogEntry = memo(function CallLogEntry({
  call: c,
  name,
  when,
}: Readonly<{ call: CallRecord; name: string; when: Intl.DateTimeFormat }>): ReactElement {
  const { t } = useCallsTranslation();
  const duration = formatDuration((c.endedAt ?? c.startedAt) - c.startedAt);
  return (
    <li data-testid="call-log-entry" data-outcome={c.outcome} data-direction={c.direction} data-contact={c.contactId}>
      <span aria-hidden="true">{ICONS[c.outcome]}</span>
      <span>{t(c.direction === 'in' ? 'log.in' : 'log.out', { name })}</span>
      <span>{c.video ? t('log.video') : t('log.audio')}</span>
      <time dateTime={new Date(c.startedAt).toISOString()}>{when.format(c.startedAt)}</time>
      <span>
        {c.outcome === 'answered' || c.outcome === 'lost' ? t(`log.${c.outcome}`, { duration }) : t(`log.${c.outcome}`)}
      </span>
    </li>
  );
});
