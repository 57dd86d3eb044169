import type { ReactElement } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '@hearth/common';
import { useAttachmentUrl } from './use-attachment-url';

type Media = Extract<MessageView['content'], { kind: 'photo' | 'voice' | 'video' }>;

/** Seconds as m:ss. */
export function formatDuration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * What a photo, voice or video message is called (a photo's alt text, the players' labels).
 * `friend` is who sent it, or null when the child did: the sentence then says "you" in its own
 * words, never the label "You" put inside another sentence ("Una foto de Tú").
 */
export function mediaLabel(t: TFunction, content: Media, friend: string | null): string {
  switch (content.kind) {
    case 'photo':
      return friend === null ? t('chat.photoMine') : t('chat.photoFrom', { name: friend });
    case 'voice': {
      const duration = formatDuration(content.durationMs);
      return friend === null ? t('chat.voiceMine', { duration }) : t('chat.voiceFrom', { name: friend, duration });
    }
    case 'video': {
      const duration = formatDuration(content.durationMs);
      return friend === null ? t('chat.videoMine', { duration }) : t('chat.videoFrom', { name: friend, duration });
    }
    default: {
      const never: never = content;
      throw new Error(`unknown attachment ${JSON.stringify(never)}`);
    }
  }
}

/** A photo, voice message or video message, loaded from this PC's copy; `friend` as in `mediaLabel`. */
export function AttachmentView({ content, friend }: Readonly<{ content: Media; friend: string | null }>): ReactElement {
  const { t } = useTranslation();
  const label = mediaLabel(t, content, friend);
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
          alt={content.caption ?? label}
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
          <audio controls src={url} aria-label={label} />
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
          aria-label={label}
        />
      );
    default: {
      const never: never = content;
      throw new Error(`unknown attachment ${JSON.stringify(never)}`);
    }
  }
}
