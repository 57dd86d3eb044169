import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_LIMITS, withoutUnsendable, type ChildId, type ErrorBody, type MessageView } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useLoad } from '../../app/use-load';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';

/** How often an open conversation looks for new messages in the child's store. */
const REFRESH_MS = 3_000;

type Pending = Readonly<{ messageId: string; text: string }>;

/**
 * One child's conversation with the grown-up at the pane, oldest first, and the answer box. Main
 * reads it from the child's store and tells the relay the child's messages were shown; an answer
 * shows as "Sending…" until it reaches the child's store.
 */
export function ChildConversation({
  childId,
  childName,
  parentId,
}: Readonly<{ childId: ChildId; childName: string; parentId: string }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const convo = useLoad(() => hearth.readChildConversation({ childId, contactId: parentId }), [childId, parentId]);
  const { reload } = convo;
  const [draft, setDraft] = useState('');
  const [pending, setPending] = useState<readonly Pending[]>([]);
  const [sendError, setSendError] = useState<ErrorBody | null>(null);

  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const messages: readonly MessageView[] = [...(convo.value?.messages ?? [])].reverse();
  const arrived = new Set(messages.map((m) => m.messageId));
  const waiting = pending.filter((p) => !arrived.has(p.messageId));

  const send = (e: FormEvent): void => {
    e.preventDefault();
    // A stray control character pasted in is left out, as in the children's composer.
    const text = withoutUnsendable(draft).trim();
    if (text === '') return;
    void hearth.replyToChild({ childId, text }).then((r) => {
      if (!r.ok) {
        setSendError(r.error);
        return;
      }
      setSendError(null);
      setDraft('');
      setPending((p) => [...p, { messageId: r.value.messageId, text }]);
      reload();
    });
  };

  return (
    <div className="card stack">
      <h3>{t('pane.messages.with', { name: childName })}</h3>
      <ErrorNote error={convo.error} />
      <div className="pane-conversation" role="region" aria-label={t('pane.messages.with', { name: childName })} tabIndex={0}>
        {convo.value && messages.length === 0 && waiting.length === 0 && <p>{t('pane.messages.none', { name: childName })}</p>}
        <ol className="pane-messages">
          {messages.map((m) => (
            <li key={m.messageId} className={`pane-message pane-message-${m.direction === 'out' ? 'child' : 'you'}`}>
              <strong>
                {m.direction === 'out' ? t('pane.messages.fromChild', { name: childName }) : t('pane.messages.fromYou')}
              </strong>{' '}
              {m.content.kind === 'text' ? m.content.text : t('pane.messages.notText')}
            </li>
          ))}
          {waiting.map((p) => (
            <li key={p.messageId} className="pane-message pane-message-you">
              <strong>{t('pane.messages.fromYou')}</strong> {p.text} <em>{t('pane.messages.sending')}</em>
            </li>
          ))}
        </ol>
      </div>
      <form className="stack" onSubmit={send}>
        <div className="field">
          <label htmlFor={`reply-${childId}`}>{t('pane.messages.replyLabel', { name: childName })}</label>
          <textarea
            id={`reply-${childId}`}
            className="pane-reply"
            value={draft}
            maxLength={MESSAGE_LIMITS.textMaxChars}
            rows={2}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        <ErrorNote error={sendError} />
        <div className="form-actions">
          <Button type="submit" variant="primary" icon="📨" disabled={draft.trim() === ''}>
            {t('pane.messages.send')}
          </Button>
        </div>
      </form>
    </div>
  );
}
