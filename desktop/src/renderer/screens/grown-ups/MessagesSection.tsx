import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildId } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useLoad } from '../../app/use-load';
import { ErrorNote } from '../../ui/ErrorNote';
import { ChildConversation } from './ChildConversation';

/**
 * "Messages to you": each of the grown-up's children on this PC and their conversation with the
 * grown-up (main refuses any other). Needs the held session, which also sends the answers.
 */
export function MessagesSection(): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const account = useLoad(() => hearth.getParentAccount(), []);
  const children = useLoad(() => hearth.listChildren(), []);
  const [picked, setPicked] = useState<ChildId | null>(null);
  const onPc = (children.value?.children ?? []).filter((c) => c.onThisPc).map((c) => c.child);
  const current = onPc.find((c) => c.childId === picked) ?? onPc[0];
  return (
    <section aria-labelledby="messages-title" className="pane-section">
      <h2 id="messages-title">{t('pane.nav.messages')}</h2>
      <p>{t('pane.messages.lead')}</p>
      <ErrorNote error={account.error ?? children.error} />
      {children.value && onPc.length === 0 && <p>{t('pane.messages.noChildren')}</p>}
      {onPc.length > 1 && (
        <div className="language-switch" role="group" aria-label={t('pane.messages.pick')}>
          {onPc.map((c) => (
            <button
              key={c.childId}
              type="button"
              className={`pill${c.childId === current?.childId ? ' pill-on' : ''}`}
              aria-pressed={c.childId === current?.childId}
              onClick={() => setPicked(c.childId)}
            >
              {c.displayName}
            </button>
          ))}
        </div>
      )}
      {current && account.value && (
        <ChildConversation
          key={current.childId}
          childId={current.childId}
          childName={current.displayName}
          parentId={account.value.parentId}
        />
      )}
    </section>
  );
}
