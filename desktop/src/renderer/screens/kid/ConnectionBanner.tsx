import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '@hearth/common';
import { useHearthEvent } from '../../app/use-event';

/** Says so when this profile is not connected to the Hearth server, and that messages will wait. */
export function ConnectionBanner(): ReactElement | null {
  const { t } = useTranslation();
  const [state, setState] = useState<ConnectionState>('online');
  useHearthEvent('connection', (c) => setState(c.state));
  if (state === 'online') return null;
  return (
    <p className="connection-banner" role="status">
      <span aria-hidden="true">📡 </span>
      {t('home.offline')}
    </p>
  );
}
