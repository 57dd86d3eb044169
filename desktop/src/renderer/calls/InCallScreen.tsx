import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../ui/Avatar';
import { InCallBackgrounds } from '../screens/backgrounds/InCallBackgrounds';
import { Button } from '../ui/Button';
import type { CallView } from './call-types';
import { useCallService } from './calls-context';
import { DevicePicker } from './DevicePicker';
import { useMediaElement } from './use-media-element';
import { SelfView } from './SelfView';
import { useCallsTranslation } from './use-calls-translation';
import { ReportButton } from '../screens/report/ReportButton';
import { CallGamePanel } from './CallGamePanel';
import { useCallGame } from './use-call-game';

/** mm:ss (or h:mm:ss) since `since`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const s = String(total % 60).padStart(2, '0');
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * How long the call has been going, ticking each second. Its own component, so that the tick
 * redraws this text only, not the whole call screen (on a slow PC each redraw of the screen cost
 * the main thread tens of ms a second, which the friend's video paid for).
 */
function CallClock({ since }: Readonly<{ since: number | null }>): ReactElement {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <>{formatDuration(now - (since ?? now))}</>;
}

/** After this long in a call the self view shows even if the friend's video never started. */
const SELF_VIEW_FALLBACK_MS = 2_000;

/**
 * Whether to show our own camera yet: once the friend's video plays (or a moment into the call).
 * Drawing the self view costs a slow PC enough to hold up the call's first frames.
 */
function useSelfView(view: CallView): [boolean, () => void] {
  const [shown, setShown] = useState(false);
  const active = view.phase === 'active';
  useEffect(() => {
    if (!active || shown) return undefined;
    const timer = setTimeout(() => setShown(true), SELF_VIEW_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [active, shown]);
  return [shown, () => setShown(true)];
}

/** Calling, connecting or talking: the friend big, ourselves small, and the call's buttons. */
export function InCallScreen({ view }: Readonly<{ view: CallView }>): ReactElement | null {
  const { t } = useCallsTranslation();
  const { t: tApp } = useTranslation();
  const service = useCallService();
  const [showDevices, setShowDevices] = useState(false);
  const [selfView, showSelfView] = useSelfView(view);
  const remoteRef = useMediaElement(view.remoteStream);
  const game = useCallGame(service, view.contact?.contactId ?? null);
  const { t: tr } = useTranslation();
  const contact = view.contact;
  if (!contact) return null;
  const name = contact.displayName;
  const remoteVideo = view.video && view.remoteStream !== null && view.remoteStream.getVideoTracks().length > 0;
  const status =
    view.phase === 'outgoing'
      ? t('calling', { name })
      : view.phase === 'connecting'
        ? t('connecting')
        : view.phase === 'reconnecting'
          ? tApp('netCalls.reconnecting')
          : null;
  const playing = game.open && view.phase === 'active';
  return (
    <div
      className={playing ? 'call-overlay call-screen call-with-game' : 'call-overlay call-screen'}
      role="dialog"
      aria-modal="true"
      aria-label={name}
      data-testid="call-screen"
      data-phase={view.phase}
    >
      <div className="call-stage">
        {remoteVideo ? (
          <video
            ref={remoteRef}
            className={view.remoteCameraOff ? 'call-remote call-hidden' : 'call-remote'}
            data-testid="call-remote-video"
            autoPlay
            playsInline
            onPlaying={showSelfView}
          />
        ) : (
          view.remoteStream && <audio ref={remoteRef} data-testid="call-remote-audio" autoPlay />
        )}
        {(!remoteVideo || view.remoteCameraOff) && (
          <div className="call-remote-picture">
            <Avatar avatar={view.contactAvatar} name={name} id={contact.contactId} size="large" grownUp={contact.grownUp} />
          </div>
        )}
      </div>
      <div className="call-header">
        <h2 data-testid="call-name">{name}</h2>
        {/* What changes is said (calling, connecting, reconnecting); the clock's tick is not, each second. */}
        <p className="call-status" data-testid="call-status" aria-live={status === null ? 'off' : 'polite'}>
          {status ?? <CallClock since={view.activeSince} />}
        </p>
        {view.remoteMuted && <p className="call-subtle">🔇 {t('theyMuted', { name })}</p>}
        {view.remoteCameraOff && view.video && <p className="call-subtle">🚫 {t('theyCameraOff', { name })}</p>}
        {view.remoteVoiceOnly && view.video && (
          <p className="call-subtle" role="status" data-testid="call-voice-only">
            {tApp('netCalls.voiceOnly')}
          </p>
        )}
        {view.remotePoor && (
          <p className="call-subtle" data-testid="call-poor">
            📶 {tApp('netCalls.poorConnection')}
          </p>
        )}
      </div>
      {playing && <CallGamePanel game={game} name={name} />}
      {view.localPreview && (
        <div className="call-effects">
          <InCallBackgrounds />
        </div>
      )}
      {/* The devices (left) and the self view (right) stand above the controls, however many rows they wrap to. */}
      <div className="call-dock">
        <div className="call-dock-row">
          {showDevices && <DevicePicker video={view.localPreview !== null} />}
          {view.localPreview && selfView && (
            <SelfView
              stream={view.localPreview}
              className={view.cameraOff ? 'call-self call-dimmed' : 'call-self'}
              label={t('you')}
            />
          )}
        </div>
        <div className="call-controls">
          <Button
            icon={view.muted ? '🔇' : '🎤'}
            aria-pressed={view.muted}
            data-testid="call-mute"
            onClick={() => service.setMuted(!view.muted)}
          >
            {view.muted ? t('unmute') : t('mute')}
          </Button>
          {view.localPreview && (
            <Button
              icon={view.cameraOff ? '🚫' : '📷'}
              aria-pressed={view.cameraOff}
              data-testid="call-camera"
              onClick={() => service.setCameraOff(!view.cameraOff)}
            >
              {view.cameraOff ? t('cameraOn') : t('cameraOff')}
            </Button>
          )}
          {view.phase === 'active' && (
            <Button
              icon="🎲"
              aria-expanded={playing}
              aria-label={tr('gamesCall.playWith', { name })}
              data-testid="call-play"
              onClick={() => game.setOpen(!game.open)}
            >
              {tr('gamesCall.play')}
            </Button>
          )}
          <Button
            icon="⚙️"
            aria-expanded={showDevices}
            data-testid="call-devices-toggle"
            onClick={() => setShowDevices((s) => !s)}
          >
            {t('devices')}
          </Button>
          {/* F11: a report during a call hangs up at once, the normal way (the other side sees a hang-up). */}
          <ReportButton
            before={() => service.hangUp()}
            request={{ about: contact.contactId, name, place: 'call', itemId: view.callId }}
          />
          <Button variant="danger" size="big" icon="📵" data-testid="call-hangup" onClick={() => service.hangUp()}>
            {view.phase === 'outgoing' ? t('cancel') : t('hangUp')}
          </Button>
        </div>
      </div>
    </div>
  );
}
