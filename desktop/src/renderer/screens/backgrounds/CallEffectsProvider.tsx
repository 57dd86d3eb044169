import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import { useHearth } from '../../app/hearth-context';
import { createEffectsPipeline } from '../../effects';
import { effectsAssetsBase } from './background-choice';
import { createCallEffects, type CallEffects, type CallEffectsState, type EffectsHook } from './call-effects';

const CallEffectsContext = createContext<CallEffects | null>(null);

/**
 * Puts the child's background into the calls of `hook` (the profile's call service) for as long
 * as it is mounted, and shares it with the in-call chooser.
 */
export function CallEffectsProvider({ hook, children }: Readonly<{ hook: EffectsHook; children: ReactNode }>): ReactElement {
  const hearth = useHearth();
  const effects = useMemo(
    () => createCallEffects({ hearth, hook, assetsBase: effectsAssetsBase(), createPipeline: createEffectsPipeline }),
    [hearth, hook],
  );
  useEffect(() => {
    void effects.load();
    return () => void effects.dispose();
  }, [effects]);
  return <CallEffectsContext.Provider value={effects}>{children}</CallEffectsContext.Provider>;
}

const noEffects = (): (() => void) => () => undefined;
const NONE: CallEffectsState = Object.freeze({ choice: { kind: 'off' } as const, notice: null, error: null });

/** The call's background effects and their state (null outside a `CallEffectsProvider`). */
export function useCallEffects(): { effects: CallEffects | null; state: CallEffectsState } {
  const effects = useContext(CallEffectsContext);
  const state = useSyncExternalStore(effects?.subscribe ?? noEffects, effects?.state ?? (() => NONE));
  return { effects, state };
}
