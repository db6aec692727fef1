import { ServiceError } from '../../kernel/index.js';
import type { ShapeTable } from '../../models/index.js';
import { checkShape, type ConstraintViolation } from './shape-validator.js';

/** `1 validation error detected: Value 'x' at 'a' failed to satisfy constraint: ...; Value ...` */
export function validationMessage(violations: readonly ConstraintViolation[]): string {
  const count = violations.length;
  const details = violations.map((v) => {
    const value = v.valueText === null ? 'Value null' : `Value '${v.valueText}'`;
    return `${value} at '${v.path}' failed to satisfy constraint: ${v.constraint}`;
  });
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${details.join('; ')}`;
}

export interface ValidateInputOptions {
  readonly table: ShapeTable;
  readonly shapeName: string;
  /** The error code the service uses for constraint failures (`InvalidParameterException` for Logs). */
  readonly errorCode: string;
}

/**
 * Validates a decoded request against its input shape and returns the cleaned copy. The cast to `T` is sound only
 * because `T` is the generated type of that same shape.
 */
export function validateInput<T>(input: unknown, options: ValidateInputOptions): T {
  const { value, violations } = checkShape(options.table, options.shapeName, input ?? {});
  if (violations.length > 0) throw new ServiceError(options.errorCode, validationMessage(violations));
  return value as T;
}
