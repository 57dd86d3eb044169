import { useEffect, useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';

/** A picked photo, shown before it goes: Send or Cancel. */
export function PhotoPreview({
  blob,
  busy,
  onSend,
  onCancel,
}: Readonly<{ blob: Blob; busy: boolean; onSend: () => void; onCancel: () => void }>): ReactElement {
  const { t } = useTranslation();
  const url = useMemo(() => URL.createObjectURL(blob), [blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <section className="photo-preview" aria-label={t('chat.photoPreview.label')} data-testid="photo-preview">
      <p className="photo-preview-title">{t('chat.photoPreview.label')}</p>
      <img src={url} alt={t('chat.photoMine')} />
      <div className="photo-preview-actions">
        <Button variant="primary" size="big" icon="📨" onClick={onSend} disabled={busy} autoFocus>
          {t('chat.photoPreview.send')}
        </Button>
        <Button icon="✖️" onClick={onCancel} disabled={busy}>
          {t('chat.photoPreview.cancel')}
        </Button>
      </div>
    </section>
  );
}
