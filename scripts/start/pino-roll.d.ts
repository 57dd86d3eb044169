/** The part of pino-roll (which ships no typings) that `logs.ts` uses. */
declare module 'pino-roll' {
  import type SonicBoom from 'sonic-boom';

  type Options = {
    file: string;
    frequency?: 'daily' | 'hourly' | number;
    dateFormat?: string;
    extension?: string;
    mkdir?: boolean;
    size?: string | number;
    symlink?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
  };
  /** A SonicBoom writing to `file`, reopened on the next file at each roll. */
  export default function pinoRoll(options: Options): Promise<SonicBoom & { readonly file: string; readonly destroyed: boolean }>;
}
