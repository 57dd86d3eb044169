import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { MachinePolicyFile, POLICY_DEFINITIONS, POLICY_KEYS } from '@hearth/common';
import { macosLayers } from '@hearth/desktop/main/policy/read-macos';
import { resolvePolicy } from '@hearth/desktop/main/policy/resolve';
import { ADML_LANGUAGES } from './policy-strings';
import { POLICY_DIR, POLICY_KEY, policyTemplateFiles } from './policy-templates';

/**
 * The Group Policy templates, the Linux file's JSON schema and the macOS profile in
 * `build/policy/` (issue 17), as they are on disk: `npm run package:check` runs this too.
 */
const read = (name: string): string => fs.readFileSync(path.join(POLICY_DIR, name), 'utf8');
const parse = (name: string): Document => new DOMParser().parseFromString(read(name), 'text/xml');
const all = (doc: Document, tag: string): Element[] => Array.from(doc.getElementsByTagName(tag));
const attr = (e: Element, name: string): string => e.getAttribute(name) ?? '';
const ADMLS = ADML_LANGUAGES.map((l) => `${l}/hearth.adml`);

describe('build/policy: the Group Policy templates', () => {
  it('are well-formed (xmllint --noout)', () => {
    const files = ['hearth.admx', ...ADMLS, 'org.hearth.app.mobileconfig'].map((f) => path.join(POLICY_DIR, f));
    // Throws (and fails the test) with xmllint's own message on any error.
    expect(execFileSync('xmllint', ['--noout', ...files], { encoding: 'utf8' })).toBe('');
  });

  it('are what the generator writes from common’s definitions (npm run package:policy)', () => {
    for (const [name, text] of Object.entries(policyTemplateFiles())) {
      if (name.endsWith('.json')) expect(JSON.parse(read(name))).toEqual(JSON.parse(text));
      else expect(read(name), name).toBe(text);
    }
  });

  it('name in every ADML each string and presentation the ADMX references', () => {
    const admxText = read('hearth.admx');
    const strings = new Set([...admxText.matchAll(/\$\(string\.([^)]+)\)/g)].map((m) => m[1]));
    const presentations = new Set([...admxText.matchAll(/\$\(presentation\.([^)]+)\)/g)].map((m) => m[1]));
    expect(strings.size).toBeGreaterThan(POLICY_KEYS.length * 2);
    for (const adml of ADMLS) {
      const doc = parse(adml);
      const have = new Set(all(doc, 'string').map((e) => attr(e, 'id')));
      const shown = new Map(all(doc, 'presentation').map((e) => [attr(e, 'id'), e]));
      for (const s of strings) expect(have.has(s ?? ''), `${adml}: string ${s}`).toBe(true);
      for (const p of presentations) {
        const el = shown.get(p ?? '');
        expect(el, `${adml}: presentation ${p}`).toBeDefined();
        // Every control's refId names an element of the policy that uses the presentation.
        const refs = Array.from(el?.childNodes ?? [])
          .filter((n) => n.nodeType === 1)
          .map((n) => attr(n as Element, 'refId'));
        const policy = all(parse('hearth.admx'), 'policy').find((x) => attr(x, 'presentation') === `$(presentation.${p})`);
        const ids = Array.from(policy?.getElementsByTagName('*') ?? []).map((e) => attr(e as Element, 'id'));
        for (const r of refs) expect(ids, `${adml}: ${p} → ${r}`).toContain(r);
      }
    }
  });

  it('keep every key under Software\\Policies\\Hearth with unique value names, machine-only settings in class Machine', () => {
    const policies = all(parse('hearth.admx'), 'policy');
    expect(policies).toHaveLength(POLICY_KEYS.length * 2);
    const seen = new Set<string>();
    const names = new Set<string>();
    for (const p of policies) {
      const key = attr(p, 'key');
      expect(key === POLICY_KEY || key.startsWith(`${POLICY_KEY}\\`), key).toBe(true);
      expect(names.has(attr(p, 'name'))).toBe(false);
      names.add(attr(p, 'name'));
      const valueNames = [p, ...(Array.from(p.getElementsByTagName('*')) as unknown as Element[])]
        .map((e) => attr(e, 'valueName'))
        .filter((v) => v !== '');
      expect(valueNames, attr(p, 'name')).toHaveLength(1);
      const pair = `${key}|${valueNames[0]}`.toLowerCase();
      expect(seen.has(pair), pair).toBe(false);
      seen.add(pair);
      const setting = POLICY_KEYS.find((k) => POLICY_DEFINITIONS[k].registry === valueNames[0]);
      expect(setting, valueNames[0]).toBeDefined();
      if (setting && POLICY_DEFINITIONS[setting].machineOnly) expect(attr(p, 'class'), attr(p, 'name')).toBe('Machine');
    }
    for (const k of [
      'relayUrl',
      'dataFolder',
      'updateChannel',
      'autoInstallUpdates',
      'requireKeyring',
      'maxChildProfiles',
    ] as const) {
      expect(POLICY_DEFINITIONS[k].machineOnly).toBe(true);
    }
  });

  it('ship the Linux file’s JSON schema equal to the one typebox generates', () => {
    const onDisk = JSON.parse(read('hearth-policy.schema.json')) as Record<string, unknown>;
    const { $schema, ...rest } = onDisk;
    expect($schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(rest).toEqual(JSON.parse(JSON.stringify(MachinePolicyFile)));
  });

  it('ship a macOS profile whose payload the app’s own plist reader resolves without a problem', async () => {
    const plist = (await import('plist')).default;
    const profile = plist.parse(read('org.hearth.app.mobileconfig')) as { PayloadContent: Record<string, unknown>[] };
    const payload = profile.PayloadContent.find((p) => p.PayloadType === 'org.hearth.app');
    expect(payload).toBeDefined();
    const xml = plist.build(payload as plist.PlistObject);
    const policy = resolvePolicy(macosLayers('mobileconfig', xml, false));
    expect(policy.problems).toEqual([]);
    for (const k of POLICY_KEYS) expect(policy[k].source, k).toBe(k === 'effectsAllowed' ? 'recommended' : 'managed');
    expect(policy.quietHoursFloor.value).toEqual({ start: '21:00', end: '07:00' });
  });
});
