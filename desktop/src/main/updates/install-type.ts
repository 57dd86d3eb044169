import type { InstallType } from '@hearth/common';
import type { FeedPlatform } from './feed';

/** What the app does about updates on one kind of install (README, "Updates", says the same). */
export type UpdateBehaviour = Readonly<{
  /** `app`: Hearth downloads and installs; `it`: IT or the system's signed repository does; `nobody`: not packaged. */
  installedBy: 'app' | 'it' | 'nobody';
  /** What vouches for the downloaded update before it runs. */
  verifiedBy: 'authenticode-publisher' | 'apple-code-signature' | 'sha512-only' | 'it' | 'repository-signature' | 'none';
}>;

/** A pure function of the install type: who installs updates and what checks them. */
export function updateBehaviour(type: InstallType): UpdateBehaviour {
  switch (type) {
    case 'nsis':
      // electron-updater compares the update's Authenticode signer with `publisherName`.
      return { installedBy: 'app', verifiedBy: 'authenticode-publisher' };
    case 'dmg':
      // Squirrel.Mac installs only an app signed with the same designated requirement.
      return { installedBy: 'app', verifiedBy: 'apple-code-signature' };
    case 'appimage':
      // The feed's sha512 guards against a broken download, not against whoever controls the feed.
      return { installedBy: 'app', verifiedBy: 'sha512-only' };
    case 'msi':
    case 'pkg':
      // Per-machine installs that IT deploys (GPO, Intune, MDM): IT pushes the next package.
      return { installedBy: 'it', verifiedBy: 'it' };
    case 'deb':
    case 'rpm':
      return { installedBy: 'it', verifiedBy: 'repository-signature' };
    case 'unpackaged':
      return { installedBy: 'nobody', verifiedBy: 'none' };
    default: {
      const never: never = type;
      throw new Error(`unknown install type ${String(never)}`);
    }
  }
}

/** What the shell knows of where it runs, to tell the install type. */
export type InstallFacts = Readonly<{
  platform: NodeJS.Platform;
  arch: string;
  packaged: boolean;
  /** `APPIMAGE` is set by the AppImage runtime. */
  env: Readonly<Record<string, string | undefined>>;
  /** electron-builder's `resources/package-type` (`deb`, `rpm`, …) on Linux packages, if present. */
  packageType: string | null;
  /** An NSIS uninstaller sits beside the executable (MSI installs have none). */
  hasNsisUninstaller: boolean;
  /** A macOS installer receipt for Hearth's pkg exists (`/var/db/receipts/<appId>.bom`). */
  hasPkgReceipt: boolean;
}>;

/** Tells the install type from facts the shell gathers (a pure function, tested without Electron). */
export function detectInstallType(f: InstallFacts): InstallType {
  if (!f.packaged) return 'unpackaged';
  switch (f.platform) {
    case 'win32':
      return f.hasNsisUninstaller ? 'nsis' : 'msi';
    case 'darwin':
      return f.hasPkgReceipt ? 'pkg' : 'dmg';
    case 'linux': {
      if (f.env.APPIMAGE) return 'appimage';
      const t = (f.packageType ?? '').trim();
      return t === 'rpm' ? 'rpm' : t === 'deb' ? 'deb' : 'unpackaged';
    }
    default:
      return 'unpackaged';
  }
}

/** The feed platform whose channel file this machine reads. */
export function feedPlatform(platform: NodeJS.Platform, arch: string): FeedPlatform {
  if (platform === 'win32') return 'win';
  if (platform === 'darwin') return 'mac';
  return arch === 'arm64' ? 'linux-arm64' : 'linux';
}
