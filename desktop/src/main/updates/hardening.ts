import { createCredentialVault, type CredentialVault } from '../stores/credential-vault';
import { unpackagedUpdates, type UpdatesService } from './updates-service';

/**
 * The shell's parts of issue 17 that the core takes: the Electron shell passes both; the web host
 * and tests pass neither (no feed; credentials unencrypted, README says so).
 */
export type HardeningOptions = Readonly<{
  /** Updates for this install. Default: none can be installed (no feed). */
  updates?: UpdatesService;
  /** Seals device credentials and a kept parent session in the family store. Default: plaintext. */
  credentialVault?: CredentialVault;
}>;

/** The `updates` and `credentials` services, from the options or their defaults. */
export function hardeningServices(
  o: HardeningOptions & Readonly<{ appVersion: string }>,
): Readonly<{ updates: UpdatesService; credentials: Pick<CredentialVault, 'state'> }> {
  return {
    updates: o.updates ?? unpackagedUpdates(o.appVersion),
    credentials: o.credentialVault ?? createCredentialVault({ box: null }),
  };
}
