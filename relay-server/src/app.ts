import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { APP_VERSION, ErrorCode, HearthError, type FirstReadTable } from '@hearth/common';
import type { RelayConfig } from './config';
import { openStorage } from './cluster/storage';
import { closeSocketsGoingAway, drainingPlugin, type StopReason } from './cluster/draining';
import { instanceHeaderPlugin } from './cluster/instance-header';
import type { Bus } from './bus/port';
import { createPasswordHasher } from './accounts/passwords';
import { NO_MAIL, type Mailer } from './mail/mailer';
import { createSmtpMailer } from './mail/smtp-mailer';
import { createEvents, createIdFactory, type RelayContext } from './context';
import { contextPlugin } from './plugins/context';
import { authPlugin } from './plugins/auth';
import { errorsPlugin, frameworkErrors } from './plugins/errors';
import { clientMistakesPlugin } from './plugins/client-mistakes';
import { healthPlugin } from './plugins/health';
import { clientErrorHandler, websocketErrorHandler } from './plugins/raw-refusals';
import { appVersionPlugin } from './plugins/app-version';
import { accountRoutes } from './accounts/routes';
import { emailRoutes } from './email/routes';
import { versionRoutes } from './compat/routes';
import { deviceRoutes } from './devices/routes';
import { computerRoutes } from './devices/computer-routes';
import { friendshipRoutes } from './friendships/routes';
import { signalingRoutes } from './signaling/routes';
import { signalingPlugin } from './signaling/plugin';
import { realtimePlugin } from './realtime/plugin';
import { attachmentRoutes } from './attachments/routes';
import { relayLoggerOptions } from './plugins/request-log';
import { policyRoutes } from './policy/routes';
import { grownUpInviteRoutes } from './family/invite-routes';
import { familyChildRoutes } from './family/child-routes';
import { quietRoutes } from './quiet/routes';
import { usageRoutes } from './quiet/usage-routes';
import { summaryRoutes } from './summaries/routes';
import { gamesRoutes } from './games/routes';
import { openConsentRule } from './policy/consent-rule';
import { reconsentRoutes } from './policy/reconsent-routes';
import { exportRoutes } from './export/routes';
import { reportRoutes } from './reports/routes';
import { retentionPlugin } from './retention/plugin';
import { moderationRoutes } from './moderation/routes';
import { deleteMeRoute } from './family/delete-me-route';

export type BuildOptions = Readonly<{
  /** Clock, for tests that move time. Default Date.now. */
  now?: () => number;
  /** Logger: pino options or false. Default: pino at config.logLevel. */
  logger?: boolean | Record<string, unknown>;
  /** The first app version that reads each frame, kind and code. Default common's; tests imagine later ones. */
  firstReadIn?: FirstReadTable;
  /** Email. Default: from `config.smtpUrl` where set (issue 12), else {@link NO_MAIL}. */
  mailer?: Mailer;
  /** Told when the instance drained and closed by itself (a newer schema, a lost instance lock): server.ts exits. */
  onStopped?: (reason: StopReason) => void;
  /** How often an instance on PostgreSQL looks for a newer schema. Default 5 s. */
  schemaPollMs?: number;
  /** How long a draining instance refuses new work before it closes. Default 1 s. */
  drainGraceMs?: number;
  /** The bus between instances (tests of several instances in one process). Default: in-process. */
  bus?: Bus;
}>;

export type RelayApp = FastifyInstance & { relay: RelayContext };

/** The relay as a Fastify app, not listening. `server.ts` listens; tests use `app.inject()`. */
export async function buildApp(config: RelayConfig, options: BuildOptions = {}): Promise<RelayApp> {
  const now = options.now ?? Date.now;

  const app = Fastify({
    logger: options.logger ?? relayLoggerOptions(config.logLevel),
    bodyLimit: config.bodyLimitBytes,
    // The load balancer's X-Forwarded-For gives request.ip, which only rate limits read: never logged.
    trustProxy: config.trustProxy.length > 0 ? [...config.trustProxy] : false,
    frameworkErrors,
    clientErrorHandler,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Opened once the logger exists, so slow queries go to the relay's own log.
  const storage = await openStorage(config, {
    log: app.log,
    now,
    onStop: (reason) => app.draining.start(reason),
    ...(options.schemaPollMs !== undefined ? { schemaPollMs: options.schemaPollMs } : {}),
    ...(options.bus ? { bus: options.bus } : {}),
  });
  const context: RelayContext = Object.freeze({
    store: storage.store,
    bus: storage.bus,
    config,
    now,
    newId: createIdFactory(now),
    hasher: createPasswordHasher(config),
    events: createEvents(),
    mailer:
      options.mailer ??
      (config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom, app.log.child({ component: 'mail' })) : NO_MAIL),
    consent: await openConsentRule(storage.store, config, now),
  });

  // Events reach every instance on the bus (issue 13); in-process, nothing changes.
  await context.events.connect(context.bus, app.log.child({ component: 'bus' }));

  // External plugins, then ours, then routes (each feature encapsulated).
  await app.register(helmet, { global: true });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Hearth relay',
        version: APP_VERSION,
        description: 'Accounts, consent, friendships, presence, messages and signaling for Hearth.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  // Sockets are closed last, with 1001, by closeSocketsGoingAway (the plugin's own preClose runs first, with no code).
  await app.register(websocket, {
    options: { maxPayload: 256 * 1024 },
    errorHandler: websocketErrorHandler,
    preClose: (done) => done(),
  });
  await app.register(instanceHeaderPlugin, { instanceName: config.instanceName });
  await app.register(drainingPlugin, {
    ...(options.onStopped ? { onStopped: options.onStopped } : {}),
    ...(options.drainGraceMs !== undefined ? { graceMs: options.drainGraceMs } : {}),
  });
  await app.register(contextPlugin, { context });
  await app.register(clientMistakesPlugin);
  await app.register(errorsPlugin);
  // Versions first: an old app is refused before any lookup, and every answer says the versions.
  await app.register(appVersionPlugin);
  await app.register(authPlugin);
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimits.defaultPerMinute,
    timeWindow: 60_000,
    hook: 'preHandler',
    keyGenerator: (r) => (r.caller ? (r.caller.kind === 'child' ? r.caller.childId : r.caller.parentId) : r.ip),
    // With a bus, one budget per address or account on every instance; a Redis outage lets requests through.
    ...(storage.limitsRedis
      ? { redis: storage.limitsRedis, nameSpace: `${config.busPrefix}rate-limit:`, skipOnError: true }
      : {}),
    errorResponseBuilder: (_req, ctx) =>
      new HearthError(ErrorCode.RateLimited, 'Too many requests. Please wait a little and try again.', { retryAfterMs: ctx.ttl }),
  });

  // JSON only: a text/plain body is refused with 415, not parsed as a string.
  app.removeContentTypeParser('text/plain');
  app.get('/docs/json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(healthPlugin, {
    checks: {
      database: () => context.store.ping(),
      bus: () => {
        if (!context.bus.isLive()) throw new Error('the bus subscription is not live');
      },
    },
    draining: () => app.draining.active(),
  });
  await app.register(versionRoutes);
  await app.register(policyRoutes);
  await app.register(accountRoutes);
  await app.register(emailRoutes);
  await app.register(deviceRoutes);
  await app.register(computerRoutes);
  await app.register(friendshipRoutes);
  await app.register(signalingRoutes);
  await app.register(signalingPlugin);
  await app.register(realtimePlugin, options.firstReadIn ? { firstReadIn: options.firstReadIn } : {});
  await app.register(attachmentRoutes);
  await app.register(grownUpInviteRoutes);
  await app.register(familyChildRoutes);
  await app.register(quietRoutes);
  await app.register(usageRoutes);
  await app.register(summaryRoutes);
  await app.register(gamesRoutes);
  await app.register(reconsentRoutes);
  await app.register(exportRoutes);
  await app.register(reportRoutes);
  await app.register(retentionPlugin);
  await app.register(moderationRoutes);
  await app.register(deleteMeRoute);

  closeSocketsGoingAway(app);
  app.addHook('onClose', async () => {
    await context.events.disconnect();
    await context.mailer.close();
    await storage.close();
  });
  return app as unknown as RelayApp;
}
