/**
 * The relay's Fastify augmentations (`app.realtime`, `request.auth`, …) for the tests project,
 * which sees src/ through its declarations: app.d.ts does not import the plugins that declare them.
 */
import type {} from '../src/plugins/app-version';
import type {} from '../src/plugins/auth';
import type {} from '../src/plugins/client-mistakes';
import type {} from '../src/plugins/context';
import type {} from '../src/realtime/plugin';
