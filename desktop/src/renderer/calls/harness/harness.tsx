/**
 * Tests and the benchmark only: the call UI of one profile on its own page, served by the web
 * host (the real bridge to main, the real relay), with `window.callHarness` to drive and measure
 * it. `?mode=bare` instead runs bare PeerJS against the official `peer` server, for the
 * benchmark's baseline (options: `bareHarnessQuery` in harness-types.ts, ICE settings included).
 */
import { Peer } from 'peerjs';
import { useEffect, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Friend, HearthApi, Profile } from '@hearth/common';
import { HearthProvider } from '../../app/hearth-context';
import { SlotsProvider, useSlots } from '../../app/slots';
import { createWebBridge } from '../../bridge/web-bridge';
import { createI18n } from '../../i18n/create-i18n';
import { CallLog } from '../CallLog';
import { createCallSlots } from '../call-slots';
import { CallsContext } from '../calls-context';
import type { CallService } from '../call-service';
import { peerOptionsOf } from '../signaling';
import { CALL_TRACE_PREFIX, readCallTrace } from '../call-trace';
import { firstFrameMs, watchFrames } from './frames';
import { bareRtcConfigOf } from './harness-types';
import { markWire } from './wire-marks';
import { runIceRestartLab } from './ice-restart-lab';
import { knowPeerConnections, peerConnectionStates, receivedAudio, videoStartBitrates } from './received-audio';

knowPeerConnections();

let autoAccept = false;
let stopAutoAccept: (() => void) | null = null;
let showService: (service: CallService | null) => void = () => undefined;

/** Puts the live service on `window.callHarness` (and takes it away when it stops). */
function expose(service: CallService | null): void {
  showService(service);
  stopAutoAccept?.();
  stopAutoAccept = null;
  if (!service) {
    delete window.callHarness;
    return;
  }
  stopAutoAccept = service.subscribe(() => {
    if (autoAccept && service.view().phase === 'incoming') void service.accept();
  });
  window.callHarness = {
    service,
    get autoAccept() {
      return autoAccept;
    },
    set autoAccept(on: boolean) {
      autoAccept = on;
    },
    measureDial: async (contactId) => {
      const t0 = performance.now();
      const frame = firstFrameMs(service);
      await service.dial(contactId, { video: true });
      const at = await frame;
      performance.mark(`${CALL_TRACE_PREFIX}first-frame`, { startTime: at });
      return at - t0;
    },
    callTrace: (clear) => readCallTrace(clear),
    watchRemoteFrames: () => watchFrames(service),
    transport: () => service.transport(),
    receivedAudio,
    peerConnectionStates,
    videoStartBitrates,
    remoteTracks: () =>
      (service.view().remoteStream?.getTracks() ?? []).map((t) => ({
        kind: t.kind,
        readyState: t.readyState,
        enabled: t.enabled,
        muted: t.muted,
      })),
    rawDial: async (session, ice, to) => {
      service.stop();
      const peer = new Peer(session.peerId, peerOptionsOf(session, ice));
      await new Promise<void>((resolve) => peer.once('open', () => resolve()));
      const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      return new Promise((resolve) => {
        const done = (outcome: 'peer-unavailable' | 'stream' | 'timeout'): void => {
          clearTimeout(timer);
          stream.getTracks().forEach((t) => t.stop());
          peer.destroy();
          resolve(outcome);
        };
        const timer = setTimeout(() => done('timeout'), 8_000);
        peer.on('error', (err) => {
          if (err.type === 'peer-unavailable') done('peer-unavailable');
        });
        const metadata = { v: 1, callId: 'strangercall1', video: true, avatar: null };
        peer.call(to, stream, { metadata }).on('stream', () => done('stream'));
        peer.connect(to, { label: 'hearth-call', serialization: 'json', metadata });
      });
    },
  };
}

const slots = createCallSlots({
  onService: expose,
  overrides: { createPeer: (id, options) => markWire(new Peer(id, options)) },
});

function Home({ friends }: Readonly<{ friends: readonly Friend[] }>): ReactElement {
  const { callActions, overlay } = useSlots();
  const [service, setService] = useState<CallService | null>(window.callHarness?.service ?? null);
  useEffect(() => {
    showService = setService;
  }, []);
  return (
    <main>
      <ul>
        {friends.map((f) => (
          <li key={f.friendship.friendshipId} data-contact={f.friendship.friend.accountId}>
            <span data-testid="friend-name">{f.friendship.friend.displayName}</span>{' '}
            <span data-testid="friend-presence">{f.presence}</span> {callActions?.(f, 'card')}
          </li>
        ))}
      </ul>
      <CallsContext.Provider value={service}>
        <CallLog friends={friends} />
      </CallsContext.Provider>
      {overlay}
    </main>
  );
}

function App({ hearth }: Readonly<{ hearth: HearthApi }>): ReactElement {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [friends, setFriends] = useState<readonly Friend[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    void hearth.getCurrentProfile().then((r) => r.ok && setProfile(r.value.profile));
    return hearth.on('profileChanged', (p) => setProfile(p.profile));
  }, [hearth]);
  useEffect(() => {
    if (profile) void hearth.listFriends().then((r) => r.ok && setFriends(r.value.friends));
  }, [hearth, profile, tick]);
  useEffect(() => hearth.on('presence', () => setTick((n) => n + 1)), [hearth]);
  if (!profile) return <p data-testid="no-profile">Pick a profile first.</p>;
  return (
    <SlotsProvider slots={slots}>
      <p data-testid="profile-name">{profile.displayName}</p>
      <Home key={profile.childId} friends={friends} />
    </SlotsProvider>
  );
}

function startBare(params: URLSearchParams): void {
  const peer = markWire(
    new Peer(params.get('id') ?? '', {
      host: params.get('host') ?? '127.0.0.1',
      port: Number(params.get('port')),
      path: '/',
      key: 'peerjs',
      secure: false,
      debug: 0,
      // The same ICE settings as Hearth's (`?ice=`: e.g. a loopback TURN, relay-only), or none.
      config: bareRtcConfigOf(params.get('ice')),
    }),
  );
  const open = (): Promise<MediaStream> => navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  const live: { close: () => void; stream?: MediaStream }[] = [];
  // The same marks as Hearth's call setup (call-trace.ts) where bare PeerJS has the step.
  const mark = (step: string): void => void performance.mark(`${CALL_TRACE_PREFIX}${step}`);
  peer.on('call', (call) => {
    mark('offer-arrived');
    mark('accepted');
    void open().then((stream) => {
      mark('callee-camera-ready');
      mark('answered');
      call.answer(stream);
      live.push({ close: () => call.close(), stream });
    });
  });
  window.bareHarness = {
    ready: new Promise((resolve) => peer.once('open', () => resolve())),
    async measureDial(to: string): Promise<number> {
      const t0 = performance.now();
      mark('dial');
      const stream = await open();
      mark('camera-ready');
      const call = peer.call(to, stream);
      mark('offer-sent');
      live.push({ close: () => call.close(), stream });
      const remote = await new Promise<MediaStream>((resolve) => call.once('stream', resolve));
      mark('remote-stream');
      const video = document.createElement('video');
      video.muted = true;
      video.srcObject = remote;
      await video.play();
      return new Promise((resolve) =>
        video.requestVideoFrameCallback(() => {
          mark('first-frame');
          resolve(performance.now() - t0);
        }),
      );
    },
    callTrace(clear?: boolean) {
      return readCallTrace(clear);
    },
    hangUpAll(): void {
      for (const c of live.splice(0)) {
        c.close();
        c.stream?.getTracks().forEach((t) => t.stop());
      }
    },
  };
}

const params = new URLSearchParams(window.location.search);
if (params.get('mode') === 'bare') startBare(params);
else {
  const i18n = createI18n('en');
  const hearth = createWebBridge(window.location);
  window.iceRestartLab = () => runIceRestartLab(hearth);
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <I18nextProvider i18n={i18n}>
        <HearthProvider api={hearth}>
          <App hearth={hearth} />
        </HearthProvider>
      </I18nextProvider>,
    );
  }
}
