/**
 * `npm run package` (after `npm run package:check` passed): installs `build/` (`npm ci --prefix
 * build`: Electron, electron-builder, @electron/rebuild, @electron/fuses), builds the desktop app
 * and runs electron-builder for this platform: NSIS and MSI on Windows, dmg and pkg on macOS, deb,
 * rpm and AppImage on Linux, into `build/out/`.
 *
 * Before installing anything it checks what would fail later, and stops with one sentence naming
 * the first: a signing configuration set twice, a Node older than what `build/`'s packages declare
 * (Electron's installer and the @electron/* tools want 22.12), or a download host that does not
 * answer (the npm registry, Electron's releases, electron-builder's tool binaries: NSIS, WiX, fpm,
 * appimagetool).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { hearthBuilderConfig, type Env } from '../../build/builder-config';
import { ROOT, buildPin } from './vendor-schema';

type LockEntry = Readonly<{ version?: string; engines?: Readonly<{ node?: unknown }>; devDependencies?: Record<string, string> }>;
type Lock = Readonly<{ packages?: Readonly<Record<string, LockEntry>> }>;

/** The packages of `build/package-lock.json` whose `engines.node` refuses this Node, build/'s own first. */
export function nodeRefusals(nodeVersion: string, root: string = ROOT): { name: string; version: string; range: string }[] {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'build', 'package-lock.json'), 'utf8')) as Lock;
  const own = new Set(Object.keys(lock.packages?.['']?.devDependencies ?? {}));
  const refusals: { name: string; version: string; range: string; direct: boolean }[] = [];
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    const range = entry.engines?.node;
    if (!key || typeof range !== 'string' || semver.validRange(range) === null) continue;
    if (semver.satisfies(nodeVersion, range, { includePrerelease: true })) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    refusals.push({ name, version: entry.version ?? '?', range, direct: own.has(name) && key === `node_modules/${name}` });
  }
  return refusals
    .sort((a, b) => Number(b.direct) - Number(a.direct))
    .map(({ name, version, range }) => ({ name, version, range }));
}

/** Where `npm ci --prefix build` and electron-builder download from (mirrors from the environment). */
export function downloadHosts(env: Env, root: string = ROOT): { what: string; url: string }[] {
  const electron = buildPin('electron', root);
  const registry = (env['npm_config_registry'] ?? 'https://registry.npmjs.org/').replace(/\/?$/, '/');
  const electronMirror = (env['ELECTRON_MIRROR'] ?? 'https://github.com/electron/electron/releases/download/').replace(
    /\/?$/,
    '/',
  );
  const binaries = (
    env['ELECTRON_BUILDER_BINARIES_MIRROR'] ?? 'https://github.com/electron-userland/electron-builder-binaries/releases/download/'
  ).replace(/\/?$/, '/');
  return [
    { what: "build/'s packages (the npm registry)", url: `${registry}electron-builder` },
    { what: `Electron ${electron}`, url: `${electronMirror}v${electron}/SHASUMS256.txt` },
    { what: "electron-builder's tools (NSIS, WiX, fpm, appimagetool)", url: binaries },
  ];
}

/** Null when the host answers at all (any HTTP status); otherwise why not, in a few words. */
export async function probe(url: string, timeoutMs = 8000): Promise<string | null> {
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return null;
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return cause ?? (err instanceof Error ? err.name : 'no answer');
  }
}

/** The one sentence that says why packaging cannot go on here, or null when it can. */
export async function preflight(
  options: Readonly<{ env: Env; nodeVersion: string; platform: NodeJS.Platform; root?: string }>,
): Promise<string | null> {
  const root = options.root ?? ROOT;
  try {
    hearthBuilderConfig(options.env);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  if (!['win32', 'darwin', 'linux'].includes(options.platform)) {
    return `electron-builder packages Hearth on Windows, macOS or Linux, not on ${options.platform}.`;
  }
  const refusals = nodeRefusals(options.nodeVersion, root);
  const first = refusals[0];
  if (first) {
    const named = refusals.slice(0, 3).map((r) => `${r.name} ${r.version}`);
    const more = refusals.length > 3 ? ` and ${refusals.length - 3} more of build/'s packages` : '';
    const floor = semver.minVersion(first.range)?.version ?? first.range;
    return `Node ${options.nodeVersion} is below the Node ${floor} that ${named.join(', ')}${more} declare, so build/ is not installed; run npm run package with Node ${floor} or newer.`;
  }
  for (const host of downloadHosts(options.env, root)) {
    const why = await probe(host.url);
    if (why)
      return `${host.what} cannot be fetched from ${new URL(host.url).host} (${why}), so build/ is not installed; run npm run package where it answers or set a mirror.`;
  }
  return null;
}

const PLATFORM_FLAG: Partial<Record<NodeJS.Platform, string>> = { win32: '--win', darwin: '--mac', linux: '--linux' };

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${String(result.status ?? result.signal)}`);
}

async function main(): Promise<void> {
  const stop = await preflight({ env: process.env, nodeVersion: process.version, platform: process.platform });
  if (stop) {
    console.error(`package: package:check passed; ${stop}`);
    process.exitCode = 1;
    return;
  }
  const installEnv = { ...process.env };
  delete installEnv['ELECTRON_SKIP_BINARY_DOWNLOAD'];
  run('npm', ['ci', '--prefix', 'build', '--no-audit', '--no-fund'], installEnv);
  run('npm', ['run', 'build', '-w', '@hearth/desktop']);
  const builder = path.join(
    ROOT,
    'build',
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder',
  );
  const flag = PLATFORM_FLAG[process.platform] ?? '--linux';
  run(builder, ['--projectDir', ROOT, '--config', path.join('build', 'electron-builder.config.ts'), flag, '--publish', 'never']);
  // electron-builder rebuilt the hoisted native modules for Electron's ABI; give the root's Node its own back.
  run('npm', ['rebuild', 'better-sqlite3', 'argon2']);
  console.log(`package: the installers are in ${path.join('build', 'out')}.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((err: unknown) => {
    console.error(`package: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
