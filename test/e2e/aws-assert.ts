import assert from 'node:assert/strict';

/** What the SDKs put on a parsed service error. */
export interface AwsErrorShape {
  readonly name: string;
  readonly message: string;
  readonly $fault?: string;
  readonly $metadata?: { readonly httpStatusCode?: number; readonly requestId?: string };
  readonly [member: string]: unknown;
}

/**
 * Awaits a call that must fail with the given AWS error code, as the SDK parsed it from the wire, and returns the error
 * so the caller can look at its members. Client errors must be 4xx, as on AWS. Several codes may be given where AWS's
 * documentation does not settle which one is sent.
 */
export async function expectAwsError(call: Promise<unknown>, code: string | readonly string[], message?: RegExp): Promise<AwsErrorShape> {
  const codes: readonly string[] = typeof code === 'string' ? [code] : code;
  let outcome: unknown;
  try {
    outcome = await call;
  } catch (error) {
    assert.ok(error instanceof Error, `expected an Error, got ${String(error)}`);
    const parsed = error as unknown as AwsErrorShape;
    assert.ok(codes.includes(parsed.name), `expected ${codes.join(' or ')}, got ${parsed.name}: ${parsed.message}`);
    const status = parsed.$metadata?.httpStatusCode;
    assert.ok(status !== undefined && status >= 400 && status < 500, `${parsed.name} should be a 4xx, was ${String(status)}`);
    assert.equal(parsed.$fault, 'client');
    if (message !== undefined) assert.match(parsed.message, message);
    return parsed;
  }
  assert.fail(`expected ${codes.join(' or ')}, but the call succeeded with ${JSON.stringify(outcome)}`);
}

/** Asserts every key of `expected` is present in `actual` with a deeply equal value (arrays: same length, element-wise). */
export function assertSubset(actual: unknown, expected: unknown, path = '$'): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: expected an array, got ${JSON.stringify(actual)}`);
    assert.equal(actual.length, expected.length, `${path}: expected ${expected.length} items, got ${JSON.stringify(actual)}`);
    expected.forEach((item, index) => assertSubset(actual[index], item, `${path}[${index}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object' && !Array.isArray(actual), `${path}: expected an object, got ${JSON.stringify(actual)}`);
    const record = actual as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) assertSubset(record[key], value, `${path}.${key}`);
    return;
  }
  assert.deepEqual(actual, expected, `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
