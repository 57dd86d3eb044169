/**
 * Electronegativity (Doyensec's Electron security scanner) over the built Electron shell
 * (`desktop/dist/main` and `desktop/dist/preload`, built by the app's own Vite configs: it cannot
 * parse current TypeScript). Its CLI exits 0 whatever it finds, so this runs it through its API
 * and fails on any finding not on the short allow-list below. `npm run lint:electron`; the test
 * beside it runs the same in `npm test`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { pinnedElectronVersion } from './types';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DESKTOP_DIST = path.join(ROOT, 'desktop', 'dist');
/** The shell's parts in desktop/dist: the main process and the preload. */
const SHELL_PARTS = ['main', 'preload'] as const;

export type Finding = Readonly<{ id: string; file: string; line: number; description: string }>;

/**
 * Findings accepted, each with why. Keep it short: fix the shell instead where it can be fixed.
 */
export const ALLOW_LIST: readonly Readonly<{ id: string; why: string }>[] = [
  {
    // The CSP is a response header that the app:// protocol handler adds to every page
    // (desktop/src/main/shell/csp.ts, tested in shell.test.ts and the e2e suite); Electronegativity
    // looks only for CSP in HTML meta tags and session.webRequest calls, so it cannot see it.
    id: 'CSP_GLOBAL_CHECK',
    why: 'CSP sent as a header by the app:// protocol handler (shell/csp.ts)',
  },
];

/**
 * Checks left out: AvailableSecurityFixesGlobalCheck downloads Electron's release list from the
 * internet (none here or in CI), so the pinned Electron's age is not judged by this scan.
 */
const OFFLINE_EXCLUDES = ['availablesecurityfixesglobalcheck'];

type RawIssue = { id: string; file: string; location: { line: number }; description: string };
type Run = (
  options: Record<string, unknown>,
) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;
const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;

/**
 * Builds the Electron main process and preload into desktop/dist with the app's own configs, and
 * returns a copy of just those two (`main/`, `preload/`) under `scratch` to scan: a renderer that
 * another command built beside them (`npm start`, the e2e suite) is not part of the shell, and
 * the scanner's parser cannot read its current JavaScript (class private fields), so a second
 * `npm test` in one checkout failed on it.
 */
export async function buildShell(scratch: string): Promise<string> {
  for (const config of ['vite.main.config.ts', 'vite.preload.config.ts']) {
    await build({ configFile: path.join(ROOT, 'desktop', config), root: path.join(ROOT, 'desktop'), logLevel: 'warn' });
  }
  const shell = path.join(scratch, 'shell');
  fs.rmSync(shell, { recursive: true, force: true });
  for (const part of SHELL_PARTS) fs.cpSync(path.join(DESKTOP_DIST, part), path.join(shell, part), { recursive: true });
  return shell;
}

/** Every finding of a scan of `dir`; a file it could not parse is a finding too (never skipped silently). */
export async function scan(dir: string): Promise<Finding[]> {
  const result = await run({
    input: dir,
    isRelative: true,
    electronVersionOverride: pinnedElectronVersion(),
    excludeFromScan: OFFLINE_EXCLUDES,
  });
  const unparsed = result.errors
    .filter((e) => !e.tolerable)
    .map((e) => ({ id: 'PARSE_ERROR', file: e.file, line: 0, description: e.message }));
  return [
    ...unparsed,
    ...result.issues.map((i) => ({ id: i.id, file: i.file, line: i.location.line, description: i.description })),
  ];
}

/** The findings not on the allow-list. */
export function unexpected(findings: readonly Finding[]): Finding[] {
  const allowed = new Set(ALLOW_LIST.map((a) => a.id));
  return findings.filter((f) => !allowed.has(f.id));
}

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-electronegativity-'));
  let findings: Finding[];
  try {
    findings = await scan(await buildShell(scratch));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const bad = unexpected(findings);
  for (const f of bad) process.stdout.write(`${f.id} ${f.file}:${f.line} ${f.description}\n`);
  const allowed = findings.length - bad.length;
  process.stdout.write(`electronegativity findings: ${bad.length} count (${allowed} on the allow-list)\n`);
  process.exitCode = bad.length > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    process.stderr.write(`lint:electron: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
