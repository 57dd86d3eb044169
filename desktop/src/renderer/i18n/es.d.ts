/** Spanish (español), assembled like English; each catalog is typed by its English one. */
import type { Spanish } from './translation';
import type { Translation } from './en';
export declare const es: Spanish<Translation>;
