/**
 * Hearth's electron-builder configuration, built from the environment (F17). Nothing secret lives
 * here: signing certificates, passwords and notarization credentials come only from environment
 * variables that electron-builder (or this file) reads at package time.
 *
 * Windows is signed by a signtool certificate (`WIN_CSC_LINK`, or `CSC_LINK`) or by Azure Trusted
 * Signing (`HEARTH_AZURE_SIGN_*` plus Azure's own `AZURE_TENANT_ID`/`AZURE_CLIENT_ID`/
 * `AZURE_CLIENT_SECRET`), never both: the configuration refuses the mix with a PackagingConfigError.
 * macOS uses the hardened runtime with `entitlements.mac.plist` (camera, microphone) and is notarized
 * when one complete set of Apple's variables is present.
 */
import path from 'node:path';
import { hardenPackedApp, type AfterPackContext } from './fuses';

export const APP_ID = 'org.hearth.desktop';
export const PRODUCT_NAME = 'Hearth';
/** Linux's executable (lower case, as the .desktop file and the deb/rpm name it). */
export const LINUX_EXECUTABLE = 'hearth';
/** Electron 45's version, as `build/package.json` pins it (the tests hold the two together). */
export const ELECTRON_VERSION = '45.5.0';
/** MSI's UpgradeCode: fixed forever, so a newer MSI upgrades an older one in place. */
export const MSI_UPGRADE_CODE = '44F5F5B0-1DE3-47EB-91C3-D97AD5B72F47';
/** NSIS's uninstall key (the GUID Windows knows the NSIS install by): fixed forever too. */
export const NSIS_GUID = '7B1DDB30-8D7B-4F3A-9B2F-CC4D200938D3';

/** The environment variables of each way to sign or notarize (README, "Building the installers"). */
export const WINDOWS_CERTIFICATE_VARIABLES = ['WIN_CSC_LINK', 'CSC_LINK'] as const;
export const AZURE_SIGN_VARIABLES = {
  endpoint: 'HEARTH_AZURE_SIGN_ENDPOINT',
  codeSigningAccountName: 'HEARTH_AZURE_SIGN_ACCOUNT',
  certificateProfileName: 'HEARTH_AZURE_SIGN_PROFILE',
  publisherName: 'HEARTH_AZURE_SIGN_PUBLISHER',
} as const;
export const NOTARIZE_VARIABLE_SETS = [
  ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
  ['APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'],
] as const;

/** The update feed's folder (README, "Updates"), e.g. `https://updates.example.org/hearth/`: set at package time. */
export const UPDATE_URL_VARIABLE = 'HEARTH_UPDATE_URL';
/** The Windows certificate's publisher name, checked by NSIS updates (else read from the certificate). */
export const WIN_PUBLISHER_VARIABLE = 'HEARTH_WIN_PUBLISHER';

export type Env = Readonly<Record<string, string | undefined>>;

/** A configuration that must not be packaged, with the sentence that says why and what to do. */
export class PackagingConfigError extends Error {
  override name = 'PackagingConfigError';
}

export type AzureSignOptions = Readonly<{
  endpoint: string;
  codeSigningAccountName: string;
  certificateProfileName: string;
  publisherName: string;
}>;

export type WindowsSigning =
  | Readonly<{ kind: 'unsigned' }>
  | Readonly<{ kind: 'certificate'; variable: (typeof WINDOWS_CERTIFICATE_VARIABLES)[number] }>
  | Readonly<{ kind: 'azure'; options: AzureSignOptions }>;

const present = (env: Env, name: string): boolean => (env[name] ?? '').trim() !== '';

/** How Windows is signed, from the environment alone; refuses both methods at once, or half of Azure's. */
export function windowsSigning(env: Env): WindowsSigning {
  const certificate = WINDOWS_CERTIFICATE_VARIABLES.find((name) => present(env, name));
  const azureNames = Object.values(AZURE_SIGN_VARIABLES);
  const azureSet = azureNames.filter((name) => present(env, name));
  if (certificate && azureSet.length > 0) {
    throw new PackagingConfigError(
      `Windows signing is set twice: ${certificate} (a signtool certificate) and ${azureSet.join(', ')} (Azure Trusted Signing); unset one of the two.`,
    );
  }
  if (certificate) return { kind: 'certificate', variable: certificate };
  if (azureSet.length === 0) return { kind: 'unsigned' };
  const missing = azureNames.filter((name) => !present(env, name));
  if (missing.length > 0) {
    throw new PackagingConfigError(
      `Azure Trusted Signing needs ${missing.join(', ')} too (only ${azureSet.join(', ')} are set).`,
    );
  }
  const value = (name: string): string => (env[name] ?? '').trim();
  return {
    kind: 'azure',
    options: {
      endpoint: value(AZURE_SIGN_VARIABLES.endpoint),
      codeSigningAccountName: value(AZURE_SIGN_VARIABLES.codeSigningAccountName),
      certificateProfileName: value(AZURE_SIGN_VARIABLES.certificateProfileName),
      publisherName: value(AZURE_SIGN_VARIABLES.publisherName),
    },
  };
}

/** Whether one complete set of Apple's notarization variables is present; half a set is refused. */
export function macNotarization(env: Env): boolean {
  if (NOTARIZE_VARIABLE_SETS.some((set) => set.every((name) => present(env, name)))) return true;
  const partial = NOTARIZE_VARIABLE_SETS.find((set) => set.some((name) => present(env, name)));
  if (partial) {
    const missing = partial.filter((name) => !present(env, name));
    throw new PackagingConfigError(`Notarizing for macOS needs ${missing.join(', ')} too (with ${partial.join(', ')}).`);
  }
  return false;
}

/**
 * electron-updater's generic feed, or none (a build without a feed says "no update feed" in the pane).
 * https only: the feed names what to download, so a plain-http feed on a café network is refused.
 */
export function updateFeed(env: Env): { provider: 'generic'; url: string; channel: 'latest' } | null {
  const url = (env[UPDATE_URL_VARIABLE] ?? '').trim();
  if (url === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PackagingConfigError(`${UPDATE_URL_VARIABLE} is not a URL: ${JSON.stringify(url)}.`);
  }
  if (parsed.protocol !== 'https:') {
    throw new PackagingConfigError(`${UPDATE_URL_VARIABLE} must be an https:// URL (it is ${parsed.protocol}).`);
  }
  return { provider: 'generic', url: parsed.toString(), channel: 'latest' };
}

/** Paths in the configuration are relative to the repository root (electron-builder's project dir). */
const BUILD = 'build';
const resource = (...parts: string[]): string => path.posix.join(BUILD, ...parts);

/** The whole electron-builder configuration for this environment. */
export function hearthBuilderConfig(env: Env) {
  const signing = windowsSigning(env);
  const notarize = macNotarization(env);
  return {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    copyright: 'Copyright © Hearth contributors (AGPL-3.0-or-later)',
    electronVersion: ELECTRON_VERSION,
    directories: { app: 'desktop', output: resource('out'), buildResources: BUILD },
    // The packed package.json: Electron names the app (and its userData folder) by productName.
    extraMetadata: {
      productName: PRODUCT_NAME,
      description: 'Hearth: a safe, self-hostable communicator for children on a shared family PC',
      author: { name: 'Hearth contributors', email: 'maintainers@hearth.invalid' },
    },
    files: ['dist/**/*', 'package.json', '!**/*.map'],
    asar: true,
    // Native modules stay outside the archive (Electron cannot dlopen from inside an asar).
    asarUnpack: ['**/*.node'],
    // Native modules (better-sqlite3, argon2) rebuilt for Electron's ABI by @electron/rebuild.
    npmRebuild: true,
    nativeRebuilder: 'sequential' as const,
    buildDependenciesFromSource: false,
    nodeGypRebuild: false,
    // Fuses are flipped by our own step (strict, read back byte by byte), not by electron-builder's.
    afterPack: (context: AfterPackContext) => hardenPackedApp(context, { product: PRODUCT_NAME, linux: LINUX_EXECUTABLE }),
    // A build with signing variables set must be signed, or fail rather than ship unsigned.
    forceCodeSigning: signing.kind !== 'unsigned',
    icon: resource('icons', 'icon.png'),
    win: {
      target: ['nsis', 'msi'],
      icon: resource('icons', 'icon.ico'),
      requestedExecutionLevel: 'asInvoker' as const,
      signtoolOptions:
        signing.kind === 'certificate'
          ? {
              signingHashAlgorithms: ['sha256' as const],
              // electron-updater installs an NSIS update only when its signer is this publisher.
              ...(present(env, WIN_PUBLISHER_VARIABLE) ? { publisherName: [(env[WIN_PUBLISHER_VARIABLE] ?? '').trim()] } : {}),
            }
          : null,
      azureSignOptions: signing.kind === 'azure' ? { ...signing.options, fileDigest: 'SHA256', timestampDigest: 'SHA256' } : null,
    },
    nsis: {
      oneClick: false,
      perMachine: true,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      packElevateHelper: true,
      guid: NSIS_GUID,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      runAfterFinish: false,
      deleteAppDataOnUninstall: false,
      installerIcon: resource('icons', 'icon.ico'),
      uninstallerIcon: resource('icons', 'icon.ico'),
    },
    msi: {
      oneClick: false,
      perMachine: true,
      upgradeCode: MSI_UPGRADE_CODE,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      runAfterFinish: false,
    },
    mac: {
      // zip: what Squirrel.Mac (electron-updater) downloads to update a dmg install.
      target: ['dmg', 'pkg', 'zip'],
      icon: resource('icons', 'icon.icns'),
      category: 'public.app-category.social-networking',
      hardenedRuntime: true,
      gatekeeperAssess: false,
      entitlements: resource('entitlements.mac.plist'),
      entitlementsInherit: resource('entitlements.mac.plist'),
      notarize,
      extendInfo: {
        NSCameraUsageDescription: 'Hearth uses the camera for video calls with family and approved friends.',
        NSMicrophoneUsageDescription: 'Hearth uses the microphone for calls and voice notes with family and approved friends.',
      },
    },
    dmg: { sign: false },
    pkg: {
      installLocation: '/Applications',
      isRelocatable: false,
      allowAnywhere: false,
      allowCurrentUserHome: false,
      isVersionChecked: true,
      overwriteAction: 'upgrade' as const,
    },
    linux: {
      target: ['deb', 'rpm', 'AppImage'],
      icon: resource('icons', 'icon.png'),
      executableName: LINUX_EXECUTABLE,
      category: 'Network',
      synopsis: 'A safe communicator for children on a shared family PC',
      maintainer: 'Hearth contributors <maintainers@hearth.invalid>',
      vendor: 'Hearth contributors',
    },
    deb: { packageCategory: 'net' },
    rpm: { packageCategory: 'Applications/Internet' },
    appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
    publish: updateFeed(env),
  };
}

export type HearthBuilderConfig = ReturnType<typeof hearthBuilderConfig>;
