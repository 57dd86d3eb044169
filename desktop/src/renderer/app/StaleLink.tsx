import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What a browser tab shows when the web host refused its link (no token, or one of an earlier
 * launch): nothing will ever connect, so it says what to do instead of "trying again".
 */
export function StaleLink(): ReactElement {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.name');
  }, [i18n.language, t]);
  return (
    <main className="boot" data-screen="stale-link">
      <h1>{t('app.staleLink.title')}</h1>
      <div role="alert">
        <p className="lead">
          <span aria-hidden="true">🔗 </span>
          {t('app.staleLink.kids')}
        </p>
        <p>{t('app.staleLink.grownUps')}</p>
      </div>
    </main>
  );
}
