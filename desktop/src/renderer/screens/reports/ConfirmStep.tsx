import { useEffect, useId, useRef, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';

/** A plain-words confirmation in place, focused when it opens: "Yes, …" or "Cancel". */
export function ConfirmStep({
  text,
  yes,
  busy,
  onYes,
  onCancel,
  children,
}: Readonly<{
  text: string;
  yes: string;
  busy: boolean;
  onYes: () => void;
  onCancel: () => void;
  children?: ReactNode;
}>): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="report-confirm" role="group" aria-labelledby={id}>
      <p id={id} ref={ref} tabIndex={-1}>
        {text}
      </p>
      {children}
      <div className="report-confirm-buttons">
        <Button variant="primary" onClick={onYes} disabled={busy}>
          {yes}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('pane.reports.actions.cancel')}
        </Button>
      </div>
    </div>
  );
}
