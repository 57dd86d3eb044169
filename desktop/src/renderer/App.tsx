import { useEffect, useState, type ReactElement } from 'react';
import type { AppInfo, HearthApi, LockStatus, PolicyInfo } from '@hearth/common';

type Loaded = Readonly<{ info: AppInfo; policy: PolicyInfo | null; lock: LockStatus }>;

/**
 * A placeholder screen that proves the bridge: it asks main for the app's state and the
 * relay's policy version through `window.hearth`. The real UI replaces it.
 */
export function App({ hearth }: Readonly<{ hearth: HearthApi }>): ReactElement {
  const [state, setState] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = async (): Promise<void> => {
      const [info, policy, lock] = await Promise.all([hearth.getAppInfo(), hearth.getPolicy(), hearth.getLockStatus()]);
      if (!live) return;
      if (!info.ok) return setProblem(info.error.message);
      if (!lock.ok) return setProblem(lock.error.message);
      setState({ info: info.value, policy: policy.ok ? policy.value : null, lock: lock.value });
      if (!policy.ok) setProblem(policy.error.message);
    };
    void load();
    const off = hearth.on('lockChanged', (lock) => setState((s) => (s ? { ...s, lock } : s)));
    return () => {
      live = false;
      off();
    };
  }, [hearth]);

  return (
    <main>
      <h1>Hearth</h1>
      {state && (
        <dl>
          <dt>Policy version</dt>
          <dd data-testid="policy-version">{state.policy?.version ?? 'unknown'}</dd>
          <dt>App version</dt>
          <dd data-testid="app-version">{state.info.appVersion}</dd>
          <dt>Grown-ups’ pane</dt>
          <dd data-testid="lock-state">{state.lock.state}</dd>
          <dt>Profiles on this computer</dt>
          <dd data-testid="profile-count">{state.info.profileCount}</dd>
        </dl>
      )}
      {problem && <p role="alert">{problem}</p>}
    </main>
  );
}
