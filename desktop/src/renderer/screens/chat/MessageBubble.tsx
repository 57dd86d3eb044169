import type { ReactElement } from 'react';
import { DailySummaryView } from './DailySummaryView';
import { useTranslation } from 'react-i18next';
import type { MessageState, MessageView } from '@hearth/common';
import { packItem } from '../../packs/lookup';
import { svgDataUrl } from '../../packs/svg';
import { ReadAloud } from '../../ui/ReadAloud';
import { AttachmentView } from './AttachmentView';
import { MessageActions } from './MessageActions';
import { ReportButton } from '../report/ReportButton';
import { useWaitsForMorning, WaitsForMorning } from '../quiet/WaitsForMorning';

const STATE_ICON: Readonly<Record<MessageState, string>> = {
  queued: '🕓',
  sent: '✔️',
  delivered: '✅',
  read: '👀',
  expired: '⚠️',
  failed: '⚠️',
  received: '',
};

/** `friend`: who sent it, or null when the child did. */
function Content({ message, friend }: Readonly<{ message: MessageView; friend: string | null }>): ReactElement {
  const { t } = useTranslation();
  const c = message.content;
  switch (c.kind) {
    case 'text':
      return (
        <div className="bubble-text">
          <p>{c.text}</p>
          <ReadAloud text={c.text} label={t('chat.readMessage')} always />
        </div>
      );
    case 'sticker':
    case 'gif': {
      const item = packItem(c.kind === 'sticker' ? c.stickerId : c.gifId);
      return item ? (
        <img
          className={`pack-${c.kind}`}
          src={svgDataUrl(item.svg)}
          alt={t(item.labelKey)}
          data-testid={c.kind}
          width={160}
          height={160}
        />
      ) : (
        <p className="muted">{t('chat.unknownSticker')}</p>
      );
    }
    case 'photo':
    case 'voice':
    case 'video':
      return <AttachmentView content={c} friend={friend} />;
    case 'game':
    case 'game-move':
      return <p className="muted">{t('chat.gameMove')}</p>;
    case 'call-log':
      return <p className="muted">{t(`chat.call.${c.outcome}`)}</p>;
    case 'daily-summary':
      return <DailySummaryView c={c} />;
    default: {
      const never: never = c;
      throw new Error(`unknown content ${JSON.stringify(never)}`);
    }
  }
}

/** One message: what it says, when, and (for mine) how far it got. */
export function MessageBubble({
  message,
  friendName,
  progress,
}: Readonly<{ message: MessageView; friendName: string; progress: number | undefined }>): ReactElement {
  const { t, i18n } = useTranslation();
  const mine = message.direction === 'out';
  const time = new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit' }).format(message.sentAt);
  const uploading = mine && message.state === 'queued' && progress !== undefined && progress < 1;
  const waits = useWaitsForMorning(message);
  return (
    <li
      className={`bubble ${mine ? 'bubble-mine' : 'bubble-theirs'} bubble-kind-${message.content.kind}`}
      data-message-id={message.messageId}
      data-state={message.state}
    >
      <span className="sr-only">{mine ? t('chat.youSaid') : t('chat.theySaid', { name: friendName })}</span>
      <Content message={message} friend={mine ? null : friendName} />
      {uploading && (
        <div className="upload">
          <progress max={100} value={Math.round((progress ?? 0) * 100)} aria-label={t('chat.uploading')} />
        </div>
      )}
      <div className="bubble-foot">
        <p className="bubble-meta">
          <time dateTime={new Date(message.sentAt).toISOString()}>{time}</time>
          {waits && <WaitsForMorning />}
          {mine && !waits && (
            <span className={`delivery delivery-${message.state}`} data-testid="delivery">
              <span aria-hidden="true">{STATE_ICON[message.state]} </span>
              {t(`chat.state.${message.state}`)}
            </span>
          )}
        </p>
        <MessageActions message={message} friendName={friendName} />
        {!mine && message.content.kind !== 'daily-summary' && (
          <ReportButton
            size="normal"
            request={{
              about: message.contactId,
              name: friendName,
              // A game's moves come as game messages: reporting one reports the game (its match).
              ...(message.content.kind === 'game'
                ? { place: 'game', itemId: message.content.sessionId }
                : { place: 'message', itemId: message.messageId }),
            }}
          />
        )}
      </div>
    </li>
  );
}
