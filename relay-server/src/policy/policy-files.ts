import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Value } from 'typebox/value';
import { PolicyText, type PolicyLanguage } from '@hearth/common';

/** The policies bundled with the relay (`relay-server/policies/`). */
export const BUNDLED_POLICY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../policies');

/** The draft of the next version: edited by each change, never served. */
export const DRAFT_FOLDER = 'next';

const LANGUAGES: readonly PolicyLanguage[] = ['en', 'es'];
const FILES = [...LANGUAGES.map((lang) => `${lang}.md`), ...LANGUAGES.map((lang) => `changes.${lang}.md`)];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every served version, each in every language. */
export type PolicyLibrary = ReadonlyMap<string, Readonly<Record<PolicyLanguage, PolicyText>>>;

/** Why `version` cannot be the current policy in `dir`, as a sentence; undefined when it can. */
export function policyFolderProblem(dir: string, version: string): string | undefined {
  if (version === DRAFT_FOLDER) return `--policy-version ${DRAFT_FOLDER} is the draft of the next policy and is never served`;
  const folder = path.join(dir, version);
  if (!fs.existsSync(folder)) return `--policy-version ${version} names no folder in the policy folder ${dir}`;
  const missing = FILES.filter((f) => !fs.existsSync(path.join(folder, f)));
  if (missing.length > 0) return `the policy folder ${folder} lacks ${missing.join(', ')}`;
  return undefined;
}

function readText(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n').trim();
}

/**
 * Reads every version folder of `dir` but the draft. A folder named as a date was published that
 * day; the current one, otherwise, on `currentPublishedAt`. A file that does not fit `PolicyText`
 * (empty, too long) stops the relay, as a bad flag does.
 */
export function readPolicyLibrary(dir: string, current: Readonly<{ version: string; publishedAt: string }>): PolicyLibrary {
  const library = new Map<string, Readonly<Record<PolicyLanguage, PolicyText>>>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === DRAFT_FOLDER) continue;
    const version = entry.name;
    if (policyFolderProblem(dir, version) !== undefined) continue;
    const publishedAt = DATE.test(version) ? version : version === current.version ? current.publishedAt : '';
    const read = (lang: PolicyLanguage): PolicyText => {
      const text: PolicyText = {
        version,
        publishedAt,
        lang,
        text: readText(path.join(dir, version, `${lang}.md`)),
        changes: readText(path.join(dir, version, `changes.${lang}.md`)),
      };
      if (!Value.Check(PolicyText, text)) throw new Error(`the policy ${version} (${lang}) is empty, too long or badly named`);
      return Object.freeze(text);
    };
    library.set(version, Object.freeze({ en: read('en'), es: read('es') }));
  }
  return library;
}
