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
    {
      filename: at('desktop/src/main/testing/relay-harness.ts'),
      code: "import { buildApp } from '../../../../relay-server/src/app';",
      errors: [{ messageId: 'relative' }],
    },
    {
      filename: at('e2e/support/hosts.ts'),
      code: "import { launchWebHostApp } from '../../desktop/src/main/web-host/launch';",
      errors: [{ messageId: 'relative' }],
    },
    {
      filename: at('scripts/start.ts'),
      code: "export { x } from './test-kit/src/relay';",
      errors: [{ messageId: 'relative' }],
    },
    {
      filename: at('relay-server/src/app.ts'),
      code: "const m = import('../../common/src/index');",
      errors: [{ messageId: 'relative' }],
    },
    {
      filename: at('e2e/start.e2e.test.ts'),
      code: "import { buildApp } from '@hearth/relay-server/src/app';",
      errors: [{ messageId: 'intoSrc' }],
    },
  ],
});
