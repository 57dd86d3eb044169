import { POLICY_DEFAULTS, UI_LANGUAGES, type MachinePolicyView, type UiLanguage } from '@hearth/common';
import { useHearth } from './hearth-context';
import { useLoad } from './use-load';

/** This PC's machine policy (issue 17), or null until main answered. */
export function useMachinePolicy(): MachinePolicyView | null {
  const hearth = useHearth();
  return useLoad(() => hearth.getMachinePolicy(), []).value;
}

/** The languages the pickers offer (every one until the policy is known, or where it names none). */
export function offeredLanguages(policy: MachinePolicyView | null): readonly UiLanguage[] {
  return policy?.settings.languages.value ?? POLICY_DEFAULTS.languages ?? UI_LANGUAGES;
}
