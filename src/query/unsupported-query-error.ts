/** A command or function this server parses but cannot run yet; the service answers it honestly, never with fake rows. */
export class UnsupportedQueryError extends Error {
  constructor(readonly feature: string) {
    super(`${feature} is not supported by this server yet.`);
    this.name = 'UnsupportedQueryError';
  }
}

export function isUnsupportedQueryError(value: unknown): value is UnsupportedQueryError {
  return value instanceof UnsupportedQueryError;
}
