import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParentComputer } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { useLoad } from '../../app/use-load';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { dayText } from './day-text';

function ParentComputerItem({ computer, onDone }: Readonly<{ computer: ParentComputer; onDone: () => void }>): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const [confirming, setConfirming] = useState(false);
  const signOut = useAction(() => hearth.signOutParentComputer({ sessionId: computer.sessionId }));
  const rows: readonly [string, string][] = [
    [t('pane.computers.since'), new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(computer.since)],
    [t('pane.computers.lastSeen'), computer.lastSeen ? dayText(computer.lastSeen, i18n.language) : t('pane.computers.neverSeen')],
  ];
  return (
    <li className="card device" data-parent-computer={computer.deviceId}>
      <p className="child-row-name">
        <span aria-hidden="true">🖥️ </span>
        {t('pane.parentComputers.name')} {computer.current && <span className="tag">{t('pane.devices.thisPc')}</span>}
      </p>
      <dl className="device-facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {!computer.current &&
        (confirming ? (
          <div className="stack" role="group" aria-label={t('pane.parentComputers.signOut')}>
            <p>{t('pane.parentComputers.confirm')}</p>
            <div className="form-actions">
              <Button variant="quiet" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button variant="danger" onClick={() => void signOut.run().then((ok) => ok && onDone())} disabled={signOut.busy}>
                {t('pane.parentComputers.signOutYes')}
              </Button>
            </div>
          </div>
        ) : (
          <Button variant="danger" icon="🚪" onClick={() => setConfirming(true)}>
            {t('pane.parentComputers.signOut')}
          </Button>
        ))}
      <ErrorNote error={signOut.error} />
    </li>
  );
}

/**
 * The grown-up's own parent-mode computers (F18), each with the day it was last seen; another one
 * can be signed out (its session ends). Shown only when there is one. `version` changes: load again.
 */
export function ParentComputersList({ version }: Readonly<{ version: number }>): ReactElement | null {
  const { t } = useTranslation();
  const hearth = useHearth();
  const computers = useLoad(() => hearth.listParentComputers(), [version]);
  // The computers list above already says when the relay cannot be reached.
  if (computers.error) return null;
  const list = computers.value?.computers ?? [];
  if (list.length === 0) return null;
  return (
    <div className="devices parent-computers">
      <h3>{t('pane.parentComputers.title')}</h3>
      <ul className="child-rows">
        {list.map((c) => (
          <ParentComputerItem key={c.deviceId} computer={c} onDone={computers.reload} />
        ))}
      </ul>
    </div>
  );
}
