/** The slice of pino the realtime and messaging code uses (so tests can pass any logger). */
export type Logger = Readonly<{
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}>;
