import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

/** The main process's logger (pino). Components take a child named after themselves. */
export type Logger = PinoLogger;

export type LoggerOptions = Readonly<{
  /** pino level. Default `info`. */
  level?: string;
  /** Where lines go. Default stdout. */
  destination?: DestinationStream;
}>;

/**
 * Builds the root logger of one process. Secrets (passwords, tokens) are redacted wherever they
 * appear in a logged object.
 */
export function createLogger(name: string, options: LoggerOptions = {}): Logger {
  const settings = {
    name,
    level: options.level ?? 'info',
    redact: ['*.password', '*.token', '*.currentPassword', '*.newPassword', 'password', 'token'],
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** A logger that drops everything, for tests. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
