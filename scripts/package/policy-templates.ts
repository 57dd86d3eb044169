import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { POLICY_DEFINITIONS, POLICY_KEYS, UPDATE_CHANNELS, machinePolicyJsonSchema, type PolicyKey } from '@hearth/common';
import { ADML_LANGUAGES, POLICY_WORDS, type AdmlLanguage } from './policy-strings';

/**
 * Group Policy templates for the machine policy (issue 17): `build/policy/hearth.admx` and one
 * ADML per language, generated from common's definitions so the names never drift from what the
 * app reads. Each setting twice, as Chrome does: enforced under `Software\Policies\Hearth` and
 * recommended under `Software\Policies\Hearth\Recommended`. `npm run package:policy` writes them;
 * `policy-templates.test.ts` checks the files as they are.
 */
export const POLICY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build/policy');
export const POLICY_KEY = 'Software\\Policies\\Hearth';
const TIERS = [
  { suffix: '', key: POLICY_KEY, category: 'Hearth' },
  { suffix: '_Recommended', key: `${POLICY_KEY}\\Recommended`, category: 'Hearth_Recommended' },
] as const;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const reg = (k: PolicyKey): string => POLICY_DEFINITIONS[k].registry;

function elements(k: PolicyKey): string {
  const name = reg(k);
  switch (k) {
    case 'relayUrl':
    case 'quietHoursFloor':
      return `<elements><text id="${name}" valueName="${name}" required="true" maxLength="2048" /></elements>`;
    case 'dataFolder':
      return `<elements><text id="${name}" valueName="${name}" required="true" expandable="true" maxLength="1024" /></elements>`;
    case 'languages':
      return `<elements><multiText id="${name}" valueName="${name}" required="true" /></elements>`;
    case 'maxChildProfiles':
      return `<elements><decimal id="${name}" valueName="${name}" required="true" minValue="1" maxValue="16" /></elements>`;
    case 'updateChannel':
      return `<elements><enum id="${name}" valueName="${name}" required="true">${UPDATE_CHANNELS.map(
        (c) => `<item displayName="$(string.UpdateChannel_${c})"><value><string>${c}</string></value></item>`,
      ).join('')}</enum></elements>`;
    default:
      return '<enabledValue><decimal value="1" /></enabledValue><disabledValue><decimal value="0" /></disabledValue>';
  }
}

const flag = (k: PolicyKey): boolean => POLICY_DEFINITIONS[k].registryKind === 'REG_DWORD' && k !== 'maxChildProfiles';

/** The ADMX: namespaces, the two categories, and every setting in both tiers. */
export function admxText(): string {
  const policies = TIERS.flatMap((t) =>
    POLICY_KEYS.map((k) => {
      const name = `${reg(k)}${t.suffix}`;
      const value = flag(k) ? ` valueName="${reg(k)}"` : '';
      const presentation = flag(k) ? '' : ` presentation="$(presentation.${reg(k)})"`;
      const cls = POLICY_DEFINITIONS[k].machineOnly ? 'Machine' : 'Both';
      return [
        `    <policy name="${name}" class="${cls}" displayName="$(string.${reg(k)})" explainText="$(string.${reg(k)}_Explain)"${presentation} key="${t.key}"${value}>`,
        `      <parentCategory ref="${t.category}" />`,
        '      <supportedOn ref="SUPPORTED_Hearth_0_4" />',
        `      ${elements(k)}`,
        '    </policy>',
      ].join('\n');
    }),
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="hearth" namespace="Hearth.Policies.Hearth" />
    <using prefix="windows" namespace="Microsoft.Policies.Windows" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_Hearth_0_4" displayName="$(string.SUPPORTED_Hearth_0_4)" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="Hearth" displayName="$(string.Hearth)" />
    <category name="Hearth_Recommended" displayName="$(string.Hearth_Recommended)" />
  </categories>
  <policies>
${policies.join('\n')}
  </policies>
</policyDefinitions>
`;
}

function presentation(k: PolicyKey, lang: AdmlLanguage): string | undefined {
  const label = esc(POLICY_WORDS[lang].settings[k].name);
  const id = reg(k);
  switch (k) {
    case 'relayUrl':
    case 'quietHoursFloor':
    case 'dataFolder':
      return `<textBox refId="${id}"><label>${label}</label></textBox>`;
    case 'languages':
      return `<multiTextBox refId="${id}">${label}</multiTextBox>`;
    case 'maxChildProfiles':
      return `<decimalTextBox refId="${id}" defaultValue="4">${label}</decimalTextBox>`;
    case 'updateChannel':
      return `<dropdownList refId="${id}" defaultItem="0">${label}</dropdownList>`;
    default:
      return undefined;
  }
}

/** One language's ADML: every string and presentation the ADMX names. */
export function admlText(lang: AdmlLanguage): string {
  const w = POLICY_WORDS[lang];
  const strings = [
    ['Hearth', w.category],
    ['Hearth_Recommended', w.recommended],
    ['SUPPORTED_Hearth_0_4', w.supported],
    ['UpdateChannel_stable', w.stable],
    ['UpdateChannel_beta', w.beta],
    ...POLICY_KEYS.flatMap((k) => [
      [reg(k), w.settings[k].name],
      [`${reg(k)}_Explain`, w.settings[k].explain],
    ]),
  ];
  const presentations = POLICY_KEYS.flatMap((k) => {
    const p = presentation(k, lang);
    return p ? [`      <presentation id="${reg(k)}">${p}</presentation>`] : [];
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>Hearth</displayName>
  <description>Hearth</description>
  <resources>
    <stringTable>
${strings.map(([id, text]) => `      <string id="${id ?? ''}">${esc(text ?? '')}</string>`).join('\n')}
    </stringTable>
    <presentationTable>
${presentations.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

/** Every generated file, relative to `build/policy/`, with its text. */
export function policyTemplateFiles(): Record<string, string> {
  return {
    'hearth.admx': admxText(),
    ...Object.fromEntries(ADML_LANGUAGES.map((l) => [`${l}/hearth.adml`, admlText(l)])),
    'hearth-policy.schema.json': machinePolicyJsonSchema(),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, text] of Object.entries(policyTemplateFiles())) {
    fs.mkdirSync(path.dirname(path.join(POLICY_DIR, name)), { recursive: true });
    fs.writeFileSync(path.join(POLICY_DIR, name), text);
  }
  process.stdout.write(`policy templates written to ${POLICY_DIR}\n`);
}
