import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildId, ErrorBody, ImageLogItem } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { base64ToBlob } from '../../media/base64';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';

/** One picture of the image log, read from the child's folder only now that it is shown. */
function Thumbnail({
  childId,
  item,
  label,
  name,
  onRemove,
}: Readonly<{ childId: ChildId; item: ImageLogItem; label: string; name: string; onRemove: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    void hearth.readChildImage({ childId, hash: item.hash }).then((r) => {
      if (!live || !r.ok) return;
      made = URL.createObjectURL(base64ToBlob(r.value.dataBase64, r.value.info.mime));
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [hearth, childId, item.hash]);
  const kind = item.kind === 'photo' ? t('activityView.kindPhoto') : t('activityView.kindVideo');
  return (
    <li className="image-log-item" data-message-id={item.messageId}>
      {url && item.kind === 'photo' && <img src={url} alt={label} className="image-log-thumb" />}
      {url && item.kind === 'video' && (
        <video src={url} aria-label={label} className="image-log-thumb" controls preload="metadata" />
      )}
      {!url && <span className="image-log-thumb">{label}</span>}
      <Button
        variant="danger"
        size="small"
        icon="🗑️"
        aria-label={t('activityView.removeLabel', { kind, name })}
        onClick={onRemove}
      >
        {t('activityView.remove')}
      </Button>
    </li>
  );
}

/**
 * The image log: hidden behind a deliberate click ("Show pictures"), which is recorded so the
 * child sees a note; a grown-up may remove a picture from the child's history on this PC.
 */
export function ImageLogView({
  childId,
  name,
  count,
  names,
  onChanged,
}: Readonly<{
  childId: ChildId;
  name: string;
  count: number;
  names: ReadonlyMap<string, string>;
  onChanged: () => void;
}>): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const [items, setItems] = useState<ImageLogItem[] | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [removed, setRemoved] = useState(false);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const show = async (): Promise<void> => {
    const r = await hearth.openChildImageLog({ childId });
    if (r.ok) setItems(r.value.items);
    setError(r.ok ? null : r.error);
    onChanged();
  };
  const remove = async (messageId: string): Promise<void> => {
    const r = await hearth.removeChildImage({ childId, messageId });
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setItems((all) => (all ?? []).filter((i) => i.messageId !== messageId));
      setRemoved(true);
      onChanged();
    }
  };
  return (
    <section className="image-log" aria-label={t('activityView.imagesTitle')}>
      <h4>{t('activityView.imagesTitle')}</h4>
      <p>{t('activityView.imagesCount', { count, name })}</p>
      <p>{t('activityView.imagesTold', { name })}</p>
      <ErrorNote error={error} />
      {removed && <p role="status">{t('activityView.removed', { name })}</p>}
      {items === null ? (
        <Button icon="🖼️" onClick={() => void show()} disabled={count === 0}>
          {t('activityView.showPictures')}
        </Button>
      ) : (
        <>
          <Button icon="🙈" onClick={() => setItems(null)}>
            {t('activityView.hidePictures')}
          </Button>
          {items.length === 0 && <p>{t('activityView.noPictures')}</p>}
          <ul className="image-log-grid">
            {items.map((item) => (
              <Thumbnail
                key={item.messageId}
                childId={childId}
                item={item}
                name={name}
                label={t('activityView.pictureAlt', {
                  kind: item.kind === 'photo' ? t('activityView.kindPhoto') : t('activityView.kindVideo'),
                  direction: item.direction === 'out' ? t('activityView.directionOut') : t('activityView.directionIn'),
                  name: names.get(item.contactId) ?? t('activityView.someone'),
                  date: date.format(item.sentAt),
                })}
                onRemove={() => void remove(item.messageId)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
