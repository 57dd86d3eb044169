import { useEffect, type ReactElement } from 'react';
import { Avatar } from '../ui/Avatar';
import { Button } from '../ui/Button';
import type { CallView } from './call-types';
import { useCallService } from './calls-context';
import { startRingtone } from './ringtone';
import { useCallsTranslation } from './use-calls-translation';

/** A friend is calling: their picture and name (from this PC's own contact list), answer or not now. */
export function RingScreen({ view }: Readonly<{ view: CallView }>): ReactElement | null {
  const { t } = useCallsTranslation();
  const service = useCallService();
  useEffect(() => startRingtone(), []);
  const contact = view.contact;
  if (!contact) return null;
  const name = contact.displayName;
  return (
    <div
      className="call-overlay call-ring"
      role="dialog"
      aria-modal="true"
      aria-labelledby="call-ring-title"
      data-testid="call-ring"
    >
      <div className="call-ring-card">
        <div className="call-ring-picture">
          <Avatar avatar={view.contactAvatar} name={name} id={contact.contactId} size="large" grownUp={contact.grownUp} />
        </div>
        <h2 id="call-ring-title" data-testid="call-ring-name">
          {t('isCalling', { name })}
        </h2>
        {contact.parentDisplayName && <p className="call-subtle">{contact.parentDisplayName}</p>}
        <p className="call-kind">{view.video ? `📹 ${t('videoCallKind')}` : `📞 ${t('audioCallKind')}`}</p>
        <div className="call-ring-actions">
          <Button
            variant="primary"
            size="big"
            icon="📞"
            className="call-accept"
            data-testid="call-accept"
            onClick={() => void service.accept()}
          >
            {t('accept')}
          </Button>
          <Button variant="danger" size="big" icon="✋" data-testid="call-decline" onClick={() => service.decline()}>
            {t('decline')}
          </Button>
        </div>
        {view.video && (
          <Button variant="quiet" data-testid="call-accept-audio" onClick={() => void service.accept({ video: false })}>
            {t('acceptNoCamera')}
          </Button>
        )}
      </div>
    </div>
  );
}
