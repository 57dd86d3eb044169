import { ConfigError } from '../config-error';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The relay's re-consent settings (F15). */
export type ReconsentConfig = Readonly<{
  /**
   * How long after a new policy version is first served a guardian's consent to an earlier version
   * still covers their child (existing friendships keep working). Default 30 days.
   */
  reconsentGraceMs: number;
}>;

export const DEFAULT_RECONSENT_CONFIG: ReconsentConfig = Object.freeze({ reconsentGraceMs: 30 * DAY_MS });

export const RECONSENT_FLAG_OPTIONS = { 'reconsent-grace-days': { type: 'string' } } as const;

/** For the relay's usage text. */
export const RECONSENT_USAGE = '[--reconsent-grace-days N]   (HEARTH_RECONSENT_GRACE_DAYS; after a policy change, default 30)';

/**
 * `--reconsent-grace-days N` (or `HEARTH_RECONSENT_GRACE_DAYS`): the grace period after a policy
 * change, in whole days from 0 to 9999 (flags win).
 */
export function loadReconsentConfig(
  values: Readonly<{ 'reconsent-grace-days'?: string }>,
  env: Readonly<Record<string, string | undefined>>,
): ReconsentConfig {
  const flag = values['reconsent-grace-days'];
  const raw = flag ?? env.HEARTH_RECONSENT_GRACE_DAYS;
  if (raw === undefined) return DEFAULT_RECONSENT_CONFIG;
  if (!/^\d{1,4}$/.test(raw)) {
    const source = flag !== undefined ? '--reconsent-grace-days' : 'HEARTH_RECONSENT_GRACE_DAYS';
    throw new ConfigError(`${source} must be a whole number of days from 0 to 9999, got "${raw}"`);
  }
  return Object.freeze({ reconsentGraceMs: Number(raw) * DAY_MS });
}
