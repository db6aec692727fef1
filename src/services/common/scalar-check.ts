import { ServiceError } from '../../kernel/index.js';
import type { NumberShape, StringShape } from '../../models/index.js';
import { constraintText, matchesModelPattern } from './constraint-text.js';

/** A scalar read the way AWS's JSON reader reads it: wrong JSON types fail, integers are truncated. */
export function readScalar(spec: StringShape | NumberShape, value: unknown): string | number {
  if (spec.type === 'string') {
    if (typeof value !== 'string') throw serializationError(value, 'a String');
    return value;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw serializationError(value, spec.type === 'integer' ? 'an Integer' : `a ${capitalize(spec.type)}`);
  return spec.type === 'integer' || spec.type === 'long' ? Math.trunc(value) : value;
}

/** The constraints a scalar value breaks, in the order AWS lists them. */
export function failedConstraints(spec: StringShape | NumberShape, value: string | number): string[] {
  const failed: string[] = [];
  if (spec.type === 'string' && typeof value === 'string') {
    if (spec.max !== undefined && value.length > spec.max) failed.push(constraintText.maxLength(spec.max));
    if (spec.min !== undefined && value.length < spec.min) failed.push(constraintText.minLength(spec.min));
    if (spec.pattern !== undefined && !matchesModelPattern(spec.pattern, value)) failed.push(constraintText.pattern(spec.pattern));
    if (spec.enum !== undefined && !spec.enum.includes(value)) failed.push(constraintText.enumSet(spec.enum));
  } else if (typeof value === 'number') {
    if (spec.max !== undefined && value > spec.max) failed.push(constraintText.maxValue(spec.max));
    if (spec.min !== undefined && value < spec.min) failed.push(constraintText.minValue(spec.min));
  }
  return failed;
}

/** The SerializationException AWS's JSON reader raises for a value of the wrong JSON type. */
export function serializationError(value: unknown, expected: string): ServiceError {
  if (Array.isArray(value)) return new ServiceError('SerializationException', 'Start of list found where not expected');
  if (isRecord(value)) return new ServiceError('SerializationException', 'Start of structure or map found where not expected.');
  const token = typeof value === 'string' ? 'STRING_VALUE' : typeof value === 'number' ? 'NUMBER_VALUE' : value === true ? 'TRUE_VALUE' : 'FALSE_VALUE';
  return new ServiceError('SerializationException', `${token} can not be converted to ${expected}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
