import { Peer } from 'peerjs';
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactElement } from 'react';
import type { Friend, Profile } from '@hearth/common';
import { useHearth } from '../app/hearth-context';
import type { ScreenSlots } from '../app/slots';
import { reportProblem } from '../app/report-problem';
import { useHearthEvent } from '../app/use-event';
import { CallEffectsProvider } from '../screens/backgrounds/CallEffectsProvider';
import { CallButtons } from './CallButtons';
import { CallOverlay } from './CallOverlay';
import { QuietCallGuard } from '../screens/quiet/QuietCallGuard';
import { createCallService, type CallService, type CallServiceDeps } from './call-service';
import { CallsContext, createCallsRuntime, type CallsRuntime } from './calls-context';
import { browserMedia } from './media';

export type CallSlotsOptions = Readonly<{
  /** Replaces parts of the service (the harness: a processor, fake media). */
  overrides?: Partial<Omit<CallServiceDeps, 'hearth'>>;
  /** Told about each profile's service as it starts (and null when it stops). */
  onService?: (service: CallService | null) => void;
}>;

/** The last problems calls ran into, newest last: the renderer has no log file (look here from devtools). */
export const callProblems: { at: number; message: string; details: unknown }[] = [];
const MAX_PROBLEMS = 50;

function remember(message: string, details?: unknown): void {
  callProblems.push({ at: Date.now(), message, details });
  if (callProblems.length > MAX_PROBLEMS) callProblems.splice(0, callProblems.length - MAX_PROBLEMS);
}

function localStore(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * Runs the active profile's call service while the profile's screens are up (it lives in the
 * overlay slot, which every profile screen draws), and draws the ring and call screens.
 */
function CallsHost({ runtime, options }: Readonly<{ runtime: CallsRuntime; options: CallSlotsOptions }>): ReactElement | null {
  const hearth = useHearth();
  const [profile, setProfile] = useState<Profile | null>(null);
  useEffect(() => {
    let live = true;
    void hearth.getCurrentProfile().then((r) => {
      if (!r.ok) reportProblem(hearth, 'calls', 'current-profile', r.error);
      else if (live) setProfile(r.value.profile);
    });
    return () => {
      live = false;
    };
  }, [hearth]);
  useHearthEvent('profileChanged', (p) => setProfile(p.profile));
  const childId = profile?.childId ?? null;
  const avatar = profile?.avatar ?? null;
  const service = useMemo(
    () =>
      childId === null
        ? null
        : createCallService({
            hearth,
            createPeer: (id, peerOptions) => new Peer(id, peerOptions),
            media: browserMedia(),
            myAvatar: () => avatar,
            onProblem: (message, details) => {
              remember(message, details);
              reportProblem(hearth, 'calls', message, details);
            },
            storage: localStore(),
            ...options.overrides,
          }),
    // One service per profile: the avatar and options are read when it starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose, as said above
    [hearth, childId],
  );
  useEffect(() => {
    if (!service) return undefined;
    service.start();
    const detach = runtime.attach(service);
    options.onService?.(service);
    return () => {
      options.onService?.(null);
      detach();
      service.stop();
    };
  }, [service, runtime, options]);
  if (!service) return null;
  return (
    <CallsContext.Provider value={service}>
      {/* The child's chosen background goes into every call's video through the effects hook. */}
      <CallEffectsProvider hook={service}>
        <CallOverlay />
        <QuietCallGuard />
      </CallEffectsProvider>
    </CallsContext.Provider>
  );
}

function ButtonsFor({
  runtime,
  friend,
  place,
}: Readonly<{ runtime: CallsRuntime; friend: Friend; place: 'card' | 'chat' }>): ReactElement {
  const service = useSyncExternalStore(runtime.subscribe, runtime.current);
  return (
    <CallsContext.Provider value={service}>
      <CallButtons friend={friend} place={place} />
    </CallsContext.Provider>
  );
}

/**
 * What calls put into the kids' screens (`<App slots={createCallSlots()} />`): video and voice
 * call buttons and the call history on each contact, and the overlay that runs the profile's
 * calls and shows ringing, the call and how it ended.
 */
export function createCallSlots(options: CallSlotsOptions = {}): ScreenSlots {
  const runtime = createCallsRuntime();
  return {
    callActions: (friend: Friend, place: 'card' | 'chat') => <ButtonsFor runtime={runtime} friend={friend} place={place} />,
    overlay: <CallsHost runtime={runtime} options={options} />,
  };
}
