import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '@hearth/common';
import { useAction } from '../../app/use-action';
import { useLoad } from '../../app/use-load';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { ConfirmStep } from './ConfirmStep';
import { Evidence } from './Evidence';
import type { ReportsApi } from './reports-api';

type Choice = 'unblock' | 'forward' | 'share';

/** What was already done: blocked at once, forwarded (by the relay or a grown-up), shared, unblocked, closed. */
function StateList({ detail }: Readonly<{ detail: ReportDetail }>): ReactElement {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const s = detail.summary.state;
  const names = { child: detail.summary.childName, about: detail.summary.about.displayName };
  const lines: string[] = [];
  if (detail.summary.about.role === 'friend' && s.unblockedAt === null) lines.push(t('pane.reports.state.blocked', names));
  if (s.forwardedAt !== null)
    lines.push(
      s.forwardedAutomatically
        ? t('pane.reports.state.autoForwarded')
        : t('pane.reports.state.forwarded', { when: when.format(s.forwardedAt) }),
    );
  if (s.sharedAt !== null) lines.push(t('pane.reports.state.shared', { when: when.format(s.sharedAt) }));
  if (s.unblockedAt !== null) lines.push(t('pane.reports.state.unblocked', { when: when.format(s.unblockedAt) }));
  if (s.closedAt !== null) lines.push(t('pane.reports.state.closed', { when: when.format(s.closedAt) }));
  return (
    <section className="report-state" aria-labelledby="report-state-title">
      <h4 id="report-state-title">{t('pane.reports.state.title')}</h4>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </section>
  );
}

/** One report of my child: who, why, the evidence, what was done, and the three explicit choices. */
export function ReportDetailView({
  api,
  reportId,
  onBack,
  onChanged,
}: Readonly<{ api: ReportsApi; reportId: string; onBack: () => void; onChanged: () => void }>): ReactElement {
  const { t, i18n } = useTranslation();
  const loaded = useLoad(() => api.detail(reportId), [reportId]);
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [note, setNote] = useState('');
  const noteId = useId();
  const act = useAction((c: Choice) =>
    c === 'unblock' ? api.unblock(reportId) : c === 'share' ? api.share(reportId) : api.forward({ reportId, note }),
  );
  const d = detail ?? loaded.value;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const run = (c: Choice): void => {
    void act.run(c).then((next) => {
      if (!next) return;
      setDetail(next);
      setChoice(null);
      setNote('');
      onChanged();
    });
  };
  const back = (
    <Button icon="⬅️" onClick={onBack}>
      {t('pane.reports.back')}
    </Button>
  );
  if (!d)
    return (
      <article className="card report-detail" aria-busy={loaded.loading}>
        {back}
        <ErrorNote error={loaded.error} />
      </article>
    );
  const s = d.summary;
  const names = { child: s.childName, about: s.about.displayName };
  const isFriend = s.about.role === 'friend' || s.about.role === 'former-contact';
  const confirmText = (c: Choice): string => t(`pane.reports.actions.${c}Confirm`, names);
  return (
    <article className="card report-detail" data-report={s.reportId} aria-labelledby="report-detail-title">
      {back}
      <h3 id="report-detail-title">{t('pane.reports.detailTitle', names)}</h3>
      <p>
        {t('pane.reports.who', {
          ...names,
          role: t(`pane.reports.role.${s.about.role}`),
          place: t(`pane.reports.place.${s.place}`),
        })}
      </p>
      <p>
        <strong>{t('pane.reports.why', { reason: t(`pane.reports.reason.${s.reason}`) })}</strong>{' '}
        <span className="muted">{t('pane.reports.made', { when: when.format(s.madeAt) })}</span>
      </p>
      <StateList detail={d} />
      <Evidence
        messages={d.messages}
        calls={d.calls}
        files={d.files}
        nameOf={(id) => (id === s.about.accountId ? s.about.displayName : s.childName)}
        callee={s.about.displayName}
        reporterName={s.childName}
        loadFile={(hash) => api.file({ reportId, hash })}
      />
      <section className="report-actions" aria-labelledby="report-actions-title">
        <h4 id="report-actions-title">{t('pane.reports.actions.title')}</h4>
        <ErrorNote error={act.error} />
        {choice === null ? (
          <div className="report-action-buttons">
            {s.state.forwardedAt === null && (
              <Button icon="🛡️" onClick={() => setChoice('forward')}>
                {t('pane.reports.actions.forward')}
              </Button>
            )}
            {s.state.sharedAt === null && s.about.role !== 'guardian' && s.about.role !== 'trusted-grown-up' && (
              <Button icon="📨" onClick={() => setChoice('share')}>
                {t('pane.reports.actions.share', names)}
              </Button>
            )}
            {isFriend && s.state.unblockedAt === null && (
              <Button icon="🔓" onClick={() => setChoice('unblock')}>
                {t('pane.reports.actions.unblock', names)}
              </Button>
            )}
          </div>
        ) : (
          <ConfirmStep
            text={confirmText(choice)}
            yes={t(`pane.reports.actions.${choice}Yes`)}
            busy={act.busy}
            onYes={() => run(choice)}
            onCancel={() => {
              setChoice(null);
              act.clearError();
            }}
          >
            {choice === 'forward' && (
              <p className="field">
                <label htmlFor={noteId}>{t('pane.reports.actions.forwardNote')}</label>
                <textarea id={noteId} value={note} maxLength={2000} rows={3} onChange={(e) => setNote(e.target.value)} />
              </p>
            )}
          </ConfirmStep>
        )}
      </section>
    </article>
  );
}
