import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { UNSEND_WINDOW_MS, type MessageView, type UnsendRefusal } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { useHearthEvent } from '../../app/use-event';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';

/** Can this message still be taken back? Mine, held by the relay, not delivered, within the window. */
function unsendable(message: MessageView, now: number): boolean {
  return message.direction === 'out' && message.state === 'sent' && now - message.sentAt < UNSEND_WINDOW_MS;
}

/**
 * What a child can do with one message: "Delete for me" (any message, this computer only) and
 * "Unsend" (their own, for two minutes, while nobody has it). Both remove the bubble when main
 * says it is gone; a refusal is said under the bubble.
 */
export function MessageActions({ message, friendName }: Readonly<{ message: MessageView; friendName: string }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [open, setOpen] = useState(false);
  const [canUnsend, setCanUnsend] = useState(false);
  const [refused, setRefused] = useState<UnsendRefusal | null>(null);
  const [unsending, setUnsending] = useState(false);
  const remove = useAction(hearth.deleteMessage);
  const unsend = useAction(hearth.unsendMessage);

  useHearthEvent('unsendRefused', (r) => {
    if (r.messageId !== message.messageId) return;
    setUnsending(false);
    setRefused(r.code);
  });

  const toggle = (): void => {
    setCanUnsend(unsendable(message, Date.now()));
    setRefused(null);
    setOpen((o) => !o);
  };

  const onUnsend = async (): Promise<void> => {
    setRefused(null);
    const asked = await unsend.run({ messageId: message.messageId });
    if (asked) {
      setUnsending(true);
      setOpen(false);
    }
  };

  const onDelete = async (): Promise<void> => {
    if (await remove.run({ messageId: message.messageId })) setOpen(false);
  };

  const menuId = `actions-${message.messageId}`;
  return (
    <div className="message-actions">
      <Button
        variant="quiet"
        size="small"
        className="message-actions-toggle"
        aria-expanded={open}
        {...(open ? { 'aria-controls': menuId } : {})}
        aria-label={t('chat.actions.more')}
        title={t('chat.actions.more')}
        onClick={toggle}
      >
        <span aria-hidden="true">⋯</span>
      </Button>
      {open && (
        <div className="message-actions-menu" id={menuId} role="group" aria-label={t('chat.actions.more')}>
          {canUnsend && (
            <Button
              icon="↩️"
              size="small"
              title={t('chat.actions.unsendHint', { name: friendName })}
              disabled={unsend.busy}
              onClick={() => void onUnsend()}
            >
              {t('chat.actions.unsend')}
            </Button>
          )}
          <Button
            icon="🗑️"
            size="small"
            variant="danger"
            title={t('chat.actions.deleteHint')}
            disabled={remove.busy}
            onClick={() => void onDelete()}
          >
            {t('chat.actions.deleteForMe')}
          </Button>
        </div>
      )}
      {unsending && (
        <p className="muted" role="status">
          {t('chat.actions.unsending')}
        </p>
      )}
      {refused && (
        <p className="error-note" role="alert" data-testid="unsend-refused">
          <span aria-hidden="true">⚠️ </span>
          {t(`chat.unsendRefused.${refused}`, { name: friendName })}
        </p>
      )}
      <ErrorNote error={unsend.error ?? remove.error} />
    </div>
  );
}
