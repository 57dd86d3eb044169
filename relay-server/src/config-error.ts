/** A setting the relay cannot start with; its message is a sentence for the operator (never a secret). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
