import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackItem } from '../../packs/stickers';
import { svgDataUrl } from '../../packs/svg';

/** A grid of bundled stickers or GIFs; a tap sends one. */
export function PackPanel({
  title,
  items,
  onPick,
  disabled,
}: Readonly<{ title: string; items: readonly PackItem[]; onPick: (item: PackItem) => void; disabled: boolean }>): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="pack-panel" aria-label={title}>
      <ul className="pack-grid">
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" className="pack-button" onClick={() => onPick(item)} disabled={disabled} data-pack-id={item.id}>
              <img src={svgDataUrl(item.svg)} alt="" width={96} height={96} />
              <span className="pack-label">{t(item.labelKey)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
