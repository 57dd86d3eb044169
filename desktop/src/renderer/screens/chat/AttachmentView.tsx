import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '@hearth/common';
import { useAttachmentUrl } from './use-attachment-url';

type Media = Extract<MessageView['content'], { kind: 'photo' | 'voice' | 'video' }>;

/** Seconds as m:ss. */
export function formatDuration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A photo, voice message or video message, loaded from this PC's copy. */
export function AttachmentView({ content, from }: Readonly<{ content: Media; from: string }>): ReactElement {
  const { t } = useTranslation();
  const { url, failed } = useAttachmentUrl(content.attachment.hash);
  if (failed) return <p className="muted">{t('chat.attachmentMissing')}</p>;
  if (!url) {
    return (
      <p className="muted attachment-wait" data-testid="attachment-loading">
        <span aria-hidden="true">⏳ </span>
        {t('chat.attachmentComing')}
      </p>
    );
  }
  switch (content.kind) {
    case 'photo':
      return (
        <img
          className="photo"
          src={url}
          alt={content.caption ?? t('chat.photoFrom', { name: from })}
          data-testid="photo"
          data-hash={content.attachment.hash}
          {...(content.width && content.height ? { width: content.width, height: content.height } : {})}
        />
      );
    case 'voice':
      return (
        <div className="voice" data-testid="voice" data-hash={content.attachment.hash}>
          <span aria-hidden="true" className="voice-icon">
            🎤
          </span>
          <audio
            controls
            src={url}
            aria-label={t('chat.voiceFrom', { name: from, duration: formatDuration(content.durationMs) })}
          />
          <span className="muted">{formatDuration(content.durationMs)}</span>
        </div>
      );
    case 'video':
      return (
        <video
          className="video-message"
          controls
          src={url}
          data-testid="video"
          data-hash={content.attachment.hash}
          aria-label={t('chat.videoFrom', { name: from, duration: formatDuration(content.durationMs) })}
        />
      );
    default: {
      const never: never = content;
      throw new Error(`unknown attachment ${JSON.stringify(never)}`);
    }
  }
}
