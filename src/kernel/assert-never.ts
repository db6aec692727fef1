/** Exhaustiveness check for tagged unions: the compiler rejects a call that can be reached. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
