import path from 'node:path';
import { RuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import { packageBoundaries } from './package-boundaries.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ROOT = path.resolve(import.meta.dirname, '../..');
const at = (file) => path.join(ROOT, file);
/** `code` in `file` is refused once, with `messageId`. */
const refused = (file, code, messageId) => ({ filename: at(file), code, errors: [{ messageId }] });
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2023, sourceType: 'module' } });

tester.run('hearth/package-boundaries', packageBoundaries, {
  valid: [
    { filename: at('desktop/src/main/relay/sync.ts'), code: "import { x } from '../core';" },
    { filename: at('desktop/bench/call.ts'), code: "import { x } from '../scripts/effects/harness-server';" },
    { filename: at('desktop/src/main/relay/a.int.test.ts'), code: "import { startTestRelay } from '@hearth/test-kit/relay';" },
    { filename: at('scripts/test-kit/src/relay.ts'), code: "import { buildApp } from '@hearth/relay-server/app';" },
    { filename: at('e2e/calls.e2e.test.ts'), code: "import { startTurnServer } from '../scripts/coturn';" },
  ],
  invalid: [
    refused(
      'desktop/src/main/testing/relay-harness.ts',
      "import { buildApp } from '../../../../relay-server/src/app';",
      'relative',
    ),
    refused('e2e/support/hosts.ts', "import { launchWebHostApp } from '../../desktop/src/main/web-host/launch';", 'relative'),
    refused('scripts/start.ts', "export { x } from './test-kit/src/relay';", 'relative'),
    refused('relay-server/src/app.ts', "const m = import('../../common/src/index');", 'relative'),
    refused('e2e/start.e2e.test.ts', "import { buildApp } from '@hearth/relay-server/src/app';", 'intoSrc'),
  ],
});
