import { useRef, useState, type FormEvent, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MESSAGE_LIMITS,
  withoutUnsendable,
  type AttachmentKind,
  type ErrorBody,
  type MessageContent,
  type MessageKind,
  type MessageView,
} from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { blobToBase64 } from '../../media/base64';
import { preparePhoto } from '../../media/photo';
import type { Recorded, RecordingKind } from '../../media/recorder';
import { GIFS } from '../../packs/gifs';
import { STICKERS } from '../../packs/stickers';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { EmojiPanel } from './EmojiPanel';
import { PhotoPreview } from './PhotoPreview';
import { PackPanel } from './PackPanel';
import { Recorder } from './Recorder';
import { useVersionStatus } from '../update/UpdateNotice';

type Panel = 'none' | 'emoji' | 'stickers' | 'gifs' | RecordingKind;
/** A photo picked and made ready, waiting for Send or Cancel. */
type PendingPhoto = Readonly<{ blob: Blob; width: number; height: number }>;

/** From this many characters on, the composer shows how many are left. */
export const SHOW_LIMIT_FROM = MESSAGE_LIMITS.textMaxChars - 200;

/** Each tool with the message kind it sends: a tool whose kind the relay does not take is hidden. */
const TOOLS: readonly { panel: Exclude<Panel, 'none'>; icon: string; kind: MessageKind }[] = [
  { panel: 'emoji', icon: '😀', kind: 'text' },
  { panel: 'stickers', icon: '🐱', kind: 'sticker' },
  { panel: 'gifs', icon: '✨', kind: 'gif' },
  { panel: 'voice', icon: '🎤', kind: 'voice' },
  { panel: 'video', icon: '🎥', kind: 'video' },
];

/** Writing and sending: text with emoji, stickers, GIFs, photos, voice and video messages. */
export function Composer({
  contactId,
  onSent,
}: Readonly<{ contactId: string; onSent: (message: MessageView) => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [text, setText] = useState('');
  const [panel, setPanel] = useState<Panel>('none');
  const [busy, setBusy] = useState<null | 'sending' | 'preparing'>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const textInput = useRef<HTMLTextAreaElement>(null);
  const [photo, setPhoto] = useState<PendingPhoto | null>(null);
  const relayKinds = useVersionStatus()?.relayMessageKinds ?? null;
  const offered = (kind: MessageKind): boolean => relayKinds === null || relayKinds.includes(kind);

  const send = async (content: MessageContent): Promise<boolean> => {
    setBusy('sending');
    setError(null);
    const result = await hearth.sendMessage({ contactId, content });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    onSent(result.value);
    return true;
  };

  const sendAttachment = async (
    kind: AttachmentKind,
    blob: Blob,
    mime: 'image/jpeg' | 'video/webm',
    extra: (ref: { hash: string; size: number; mime: typeof mime }) => MessageContent,
  ): Promise<void> => {
    setBusy('preparing');
    setError(null);
    const stored = await hearth.addAttachment({ kind, mime, dataBase64: await blobToBase64(blob) });
    setBusy(null);
    if (!stored.ok) {
      setError(stored.error);
      return;
    }
    await send(extra({ hash: stored.value.hash, size: stored.value.size, mime }));
  };

  // Characters no message may hold (a stray control character pasted in): left out, not refused.
  const words = withoutUnsendable(text).trim();
  // Counted as the relay counts (JSON Schema's maxLength): characters, an emoji one, not UTF-16 units.
  const letters = [...words].length;
  const over = letters - MESSAGE_LIMITS.textMaxChars;
  const canSendText = words !== '' && over <= 0 && busy === null;

  const submitText = async (e?: FormEvent): Promise<void> => {
    e?.preventDefault();
    // Never cut: a text over the limit stays in the box, with the counter saying why.
    if (!canSendText) return;
    if (await send({ kind: 'text', text: words })) {
      setText('');
      textInput.current?.focus();
    }
  };

  /** Enter sends; Shift+Enter is a new line (and Enter while an input method composes is its own). */
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    void submitText();
  };

  /** A picked photo is made ready and shown; it goes only on Send. */
  const onPhoto = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setBusy('preparing');
    setError(null);
    try {
      setPhoto(await preparePhoto(file));
    } catch {
      setError({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '' });
    } finally {
      setBusy(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const sendPhoto = async (ready: PendingPhoto): Promise<void> => {
    await sendAttachment('photo', ready.blob, 'image/jpeg', (attachment) => ({
      kind: 'photo',
      attachment,
      width: ready.width,
      height: ready.height,
    }));
    setPhoto(null);
  };

  const onRecorded = async (kind: RecordingKind, recorded: Recorded): Promise<void> => {
    setPanel('none');
    await sendAttachment(kind, recorded.blob, 'video/webm', (attachment) =>
      kind === 'voice'
        ? { kind: 'voice', attachment, durationMs: recorded.durationMs }
        : { kind: 'video', attachment, durationMs: recorded.durationMs },
    );
  };

  const toggle = (p: Panel): void => setPanel((current) => (current === p ? 'none' : p));

  return (
    <div className="composer">
      {panel === 'emoji' && <EmojiPanel onPick={(emoji) => setText((s) => s + emoji)} />}
      {panel === 'stickers' && (
        <PackPanel
          title={t('chat.tools.stickers')}
          items={STICKERS}
          disabled={busy !== null}
          onPick={(item) => void send({ kind: 'sticker', stickerId: item.id }).then((ok) => ok && setPanel('none'))}
        />
      )}
      {panel === 'gifs' && (
        <PackPanel
          title={t('chat.tools.gifs')}
          items={GIFS}
          disabled={busy !== null}
          onPick={(item) => void send({ kind: 'gif', gifId: item.id }).then((ok) => ok && setPanel('none'))}
        />
      )}
      {(panel === 'voice' || panel === 'video') && (
        <Recorder key={panel} kind={panel} onRecorded={(r) => void onRecorded(panel, r)} onClose={() => setPanel('none')} />
      )}
      {busy === 'preparing' && (
        <p className="muted" role="status">
          <span aria-hidden="true">⏳ </span>
          {t('chat.preparing')}
        </p>
      )}
      {photo && (
        <PhotoPreview
          blob={photo.blob}
          busy={busy !== null}
          onSend={() => void sendPhoto(photo)}
          onCancel={() => setPhoto(null)}
        />
      )}
      <ErrorNote error={error} context="send" />
      <div className="composer-tools" role="toolbar" aria-label={t('chat.tools.label')}>
        {TOOLS.filter((tool) => offered(tool.kind)).map(({ panel: p, icon }) => (
          <Button key={p} icon={icon} aria-pressed={panel === p} onClick={() => toggle(p)} className="tool-button">
            {t(`chat.tools.${p}`)}
          </Button>
        ))}
        {offered('photo') && (
          <Button
            icon="📷"
            onClick={() => fileInput.current?.click()}
            disabled={busy !== null || photo !== null}
            className="tool-button"
          >
            {t('chat.tools.photo')}
          </Button>
        )}
        <input
          ref={fileInput}
          type="file"
          accept="image/*"
          hidden
          data-testid="photo-input"
          onChange={(e) => void onPhoto(e.target.files?.[0])}
        />
      </div>
      <form className="composer-form" onSubmit={(e) => void submitText(e)}>
        <label htmlFor="composer-text" className="sr-only">
          {t('chat.writeLabel')}
        </label>
        <textarea
          id="composer-text"
          ref={textInput}
          value={text}
          rows={Math.min(5, text.split('\n').length)}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t('chat.writePlaceholder')}
          aria-describedby="composer-hint composer-count"
          aria-invalid={over > 0}
          autoComplete="off"
        />
        <Button type="submit" variant="primary" size="big" icon="📨" disabled={!canSendText}>
          {t('chat.send')}
        </Button>
      </form>
      <p className="composer-hints">
        <span id="composer-hint" className="muted">
          {t('chat.newLineHint')}
        </span>
        <span
          id="composer-count"
          className={over > 0 ? 'composer-count composer-count-over' : 'composer-count'}
          role="status"
          data-testid="composer-count"
        >
          {over > 0
            ? t('chat.tooLong', { count: over })
            : letters >= SHOW_LIMIT_FROM
              ? t('chat.lettersLeft', { count: -over })
              : ''}
        </span>
      </p>
    </div>
  );
}
