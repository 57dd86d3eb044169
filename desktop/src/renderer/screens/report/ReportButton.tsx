import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { useReport, type ReportRequest } from './report-context';

/**
 * The one big "Something's wrong" button (F11), on a message, a friend's card, a game, a call and
 * its end screen. `before` runs first (a call hangs up at once); nothing shows in parent mode.
 */
export function ReportButton({
  request,
  before,
  size = 'big',
  className,
}: Readonly<{
  request: ReportRequest;
  before?: () => void;
  size?: 'big' | 'normal' | 'small';
  className?: string;
}>): ReactElement | null {
  const { t } = useTranslation();
  const open = useReport();
  if (!open) return null;
  return (
    <Button
      variant="secondary"
      size={size}
      icon="✋"
      className={['report-button', className].filter(Boolean).join(' ')}
      data-testid="report-button"
      data-place={request.place}
      aria-label={t('report.buttonAbout', { name: request.name })}
      onClick={() => {
        before?.();
        open(request);
      }}
    >
      {t('report.button')}
    </Button>
  );
}
