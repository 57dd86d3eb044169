import { useLayoutEffect, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

export type ScreenProps = Readonly<{
  title: string;
  /** Shown before the title (e.g. the child's picture). */
  leading?: ReactNode;
  /** A back button that calls this. */
  onBack?: () => void;
  backLabel?: string;
  /** Buttons at the right of the header. */
  actions?: ReactNode;
  /** Extra class on the page (e.g. `screen-kid`). */
  tone?: 'kid' | 'grown-up' | 'setup';
  /** A data-screen name, for tests and screenshots. */
  name: string;
  children: ReactNode;
}>;

/**
 * One screen: a header with the title (the page's h1) and the main landmark. A new screen starts
 * at its top, as a new page does (not scrolled as far down as the last one was).
 */
export function Screen({ title, leading, onBack, backLabel, actions, tone = 'kid', name, children }: ScreenProps): ReactElement {
  const { t } = useTranslation();
  useLayoutEffect(() => {
    // (Braces: newer Chromium's scrollTo returns a promise, which an effect must not.)
    window.scrollTo(0, 0);
  }, [name]);
  return (
    <div className={`screen screen-${tone}`} data-screen={name}>
      <header className="screen-header">
        {onBack && (
          <Button variant="quiet" icon="⬅️" onClick={onBack} className="back-button">
            {backLabel ?? t('common.back')}
          </Button>
        )}
        {leading}
        <h1 className="screen-title">{title}</h1>
        {actions && <div className="screen-actions">{actions}</div>}
      </header>
      <main className="screen-body">{children}</main>
    </div>
  );
}
