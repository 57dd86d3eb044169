/**
 * A grown-up's email as the relay stores and looks it up: trimmed, its ASCII letters as typed (the
 * address shows as its owner wrote it), every other letter lower-cased.
 *
 * Why: both stores compare addresses ignoring the case of ASCII letters only (SQLite's NOCASE;
 * the PostgreSQL adapter queries the same way), but PostgreSQL's unique index on `lower(email)`
 * folds every letter (docs/postgres.md). With non-ASCII letters always stored and looked up in
 * lower case, "Ärger@…" and "ärger@…" are one account on both, and the sign-in key
 * (`emailKeyOf`, all lower case) finds the account on both.
 */
export function accountEmail(typed: string): string {
  // eslint-disable-next-line no-control-regex
  return typed.trim().replace(/[^\x00-\x7f]+/g, (letters) => letters.toLowerCase());
}
