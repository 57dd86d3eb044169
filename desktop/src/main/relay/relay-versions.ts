import {
  API_VERSION_HEADER,
  APP_VERSION,
  APP_VERSION_HEADER,
  FIRST_READ_IN,
  MIN_APP_VERSION_HEADER,
  compareVersions,
  parseAppVersion,
  type RelayVersion,
  type VersionStatus,
} from '@hearth/common';

/** What a relay that does not announce an API version (API 1) accepts: the kinds 0.1.0 sent. */
const API_1_KINDS: readonly string[] = Object.entries(FIRST_READ_IN.kinds)
  .filter(([, since]) => since === '0.1.0')
  .map(([kind]) => kind);

/**
 * This app's side of versions: the header every request and socket carries, and what the relay
 * said back (too old, its API version and minimum, the kinds it takes), told to the UI.
 */
export type RelayVersions = Readonly<{
  /** `Hearth-App-Version`, for every HTTP request and the `/v1/ws` upgrade. */
  headers: Readonly<Record<string, string>>;
  /** The relay refused this app as too old (APP_TOO_OLD, HTTP 426 or close 4426). */
  tooOld: () => void;
  /** An answer from the relay: its headers, and whether it served this app (a 2xx). */
  heard: (headers: Headers, served: boolean) => void;
  /** What `GET /v1/version` said; null for a relay without it (API version 1). */
  learned: (version: RelayVersion | null) => void;
  status: () => VersionStatus;
  /** Hears every change; returns the function that stops listening. */
  onChange: (listener: (status: VersionStatus) => void) => () => void;
  /** Does the relay take messages of this kind? Yes until it said otherwise. */
  offersKind: (kind: string) => boolean;
  /** Does the relay offer this optional feature (`GET /v1/version`'s `features`)? No until it said so. */
  offersFeature: (feature: string) => boolean;
}>;

export function createRelayVersions(): RelayVersions {
  let status: VersionStatus = {
    appVersion: APP_VERSION,
    updateNeeded: false,
    minAppVersion: null,
    relayApiVersion: null,
    relayMessageKinds: null,
  };
  const listeners = new Set<(s: VersionStatus) => void>();
  let features: ReadonlySet<string> = new Set();
  const update = (next: Partial<VersionStatus>): void => {
    const merged = { ...status, ...next };
    if (JSON.stringify(merged) === JSON.stringify(status)) return;
    status = merged;
    for (const l of [...listeners]) l(status);
  };
  const own = parseAppVersion(APP_VERSION);

  return Object.freeze({
    headers: Object.freeze({ [APP_VERSION_HEADER]: APP_VERSION }),
    tooOld: () => update({ updateNeeded: true }),
    heard(headers: Headers, served: boolean): void {
      const min = headers.get(MIN_APP_VERSION_HEADER);
      const api = Number(headers.get(API_VERSION_HEADER));
      const minVersion = parseAppVersion(min ?? undefined);
      update({
        ...(minVersion && min ? { minAppVersion: min } : {}),
        ...(Number.isInteger(api) && api >= 1 ? { relayApiVersion: api } : {}),
        // Served, or told a minimum this app meets: the update is no longer needed.
        ...(served || (minVersion && own && compareVersions(own, minVersion) >= 0) ? { updateNeeded: false } : {}),
      });
    },
    learned(version: RelayVersion | null): void {
      features = new Set(version?.features ?? []);
      if (!version) {
        update({ relayApiVersion: 1, relayMessageKinds: [...API_1_KINDS] });
        return;
      }
      const min = parseAppVersion(version.minAppVersion);
      update({
        relayApiVersion: version.apiVersion,
        minAppVersion: version.minAppVersion,
        relayMessageKinds: [...version.messageKinds],
        ...(min && own ? { updateNeeded: compareVersions(own, min) < 0 } : {}),
      });
    },
    status: () => status,
    onChange(listener: (s: VersionStatus) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    offersKind: (kind: string) => status.relayMessageKinds === null || status.relayMessageKinds.includes(kind),
    offersFeature: (feature: string) => features.has(feature),
  });
}
