/**
 * The default of an exhaustive switch: the type checker proves it unreachable; should a value the
 * types did not know arrive anyway, it fails loudly, naming `what` it was.
 */
export function unknownCase(what: string, value: never): never {
  throw new Error(`unknown ${what} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}
