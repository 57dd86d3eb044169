import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '@hearth/common';
import { useQuiet } from './quiet-context';

/** Whether one of the child's messages is held in the outbox by quiet time. */
export function useWaitsForMorning(message: MessageView): boolean {
  const status = useQuiet();
  return status?.quiet === true && message.direction === 'out' && message.state === 'queued';
}

/** "Waits for morning", in place of "Waiting to send", while quiet time holds the message. */
export function WaitsForMorning(): ReactElement {
  const { t } = useTranslation();
  return (
    <span className="delivery delivery-waits" data-testid="waits-for-morning">
      <span aria-hidden="true">🌙 </span>
      {t('quiet.waits')}
    </span>
  );
}
