/**
 * The shape a translation must have: the English catalog's keys, each a string. A missing or an
 * extra key in another language is a compile error (object literals get excess-property checks).
 */
/** The plural forms a language needs beyond English's `_one` and `_other` (Intl.PluralRules' categories). */
export type ExtraPluralForm = 'zero' | 'two' | 'few' | 'many';
/**
 * `T`'s keys with `string` values, plus `<base>_<form>` beside every English `<base>_other`
 * for each form in `Extra` (the categories that language has and English has not).
 */
export type TranslationOf<T, Extra extends ExtraPluralForm = never> = {
    readonly [K in keyof T as K extends `${infer Base}_other` ? K | `${Base}_${Extra}` : K]: T[K] extends string ? string : TranslationOf<T[K], Extra>;
};
/** Spanish: the English keys, and a `_many` form beside every plural (`es` has one, many, other). */
export type Spanish<T> = TranslationOf<T, 'many'>;
