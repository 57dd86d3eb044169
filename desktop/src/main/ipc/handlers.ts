import {
  CHANNEL_NAMES,
  ErrorCode,
  HEARTH_CHANNELS,
  HearthError,
  isParentOnly,
  type ChannelName,
  type IpcResult,
} from '@hearth/common';
import type { Logger } from '../logging/logger';
import { firstProblem, matches } from '../validate';
import { accessRefusal } from './access';
import { channelImpl, type ChannelFn } from './channel-impl';
import type { Services } from './services';

/** One channel's handler: takes whatever arrived, never throws, answers an IpcResult. */
export type Handler = (args: unknown) => Promise<IpcResult<unknown>>;
export type Handlers = Readonly<Record<ChannelName, Handler>>;

/**
 * Builds a handler for every channel of the contract. Each handler, in order: checks the
 * arguments against the channel's schema (VALIDATION_FAILED, before any service sees them);
 * checks who may call it now (LOCKED for parent-only channels while locked); runs the service;
 * checks the result against the contract; maps errors to `{ code, message }`. Transports
 * (Electron IPC, the web host's bridge, tests) only carry these.
 */
export function createHandlers(services: Services, logger: Logger): Handlers {
  const log = logger.child({ component: 'ipc' });
  const impl = channelImpl(services);
  const child = (): string => services.profiles.requireActive();

  const handlerFor = (name: ChannelName): Handler => {
    const spec = HEARTH_CHANNELS[name];
    const run = impl[name] as ChannelFn<ChannelName>;
    const parentOnly = isParentOnly(name);
    return async (args: unknown): Promise<IpcResult<unknown>> => {
      if (!matches(spec.args, args)) {
        const problem = firstProblem(spec.args, args);
        log.info({ channel: name, problem }, 'refused malformed arguments');
        return { ok: false, error: { code: ErrorCode.ValidationFailed, message: `Invalid arguments for ${name}: ${problem}` } };
      }
      const refusal = accessRefusal(spec.access, {
        lock: services.lock.state(),
        parentSignedIn: services.lock.session() !== null,
        activeChildId: services.profiles.activeChildId(),
      });
      if (refusal) {
        log.info({ channel: name, code: refusal.code }, 'refused a call');
        return { ok: false, error: refusal.toBody() };
      }
      try {
        const value: unknown = await run(args as never, child);
        // In parent mode the parent's own messages count as the grown-up being here too.
        if (parentOnly || (spec.access === 'profile' && services.profiles.activeKind() === 'parent')) services.lock.touch();
        if (!matches(spec.result, value)) {
          log.error({ channel: name, problem: firstProblem(spec.result, value) }, 'a service broke the contract');
          return { ok: false, error: { code: ErrorCode.Internal, message: 'Something went wrong inside Hearth.' } };
        }
        return { ok: true, value };
      } catch (err) {
        if (err instanceof HearthError) {
          log.info({ channel: name, code: err.code, details: err.details }, 'call failed');
          return { ok: false, error: err.toBody() };
        }
        log.error({ channel: name, err }, 'call crashed');
        return { ok: false, error: { code: ErrorCode.Internal, message: 'Something went wrong inside Hearth.' } };
      }
    };
  };

  return Object.freeze(Object.fromEntries(CHANNEL_NAMES.map((name) => [name, handlerFor(name)])) as Record<ChannelName, Handler>);
}
