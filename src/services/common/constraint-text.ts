import type { NumberShape, StringShape } from '../../models/index.js';

/** The constraint sentences AWS's validation layer uses, in the order it lists them. */
export const constraintText = {
  notNull: 'Member must not be null',
  maxLength: (n: number) => `Member must have length less than or equal to ${n}`,
  minLength: (n: number) => `Member must have length greater than or equal to ${n}`,
  pattern: (p: string) => `Member must satisfy regular expression pattern: ${p}`,
  enumSet: (values: readonly string[]) => `Member must satisfy enum value set: [${values.join(', ')}]`,
  maxValue: (n: number) => `Member must have value less than or equal to ${n}`,
  minValue: (n: number) => `Member must have value greater than or equal to ${n}`,
} as const;

/** Every constraint of a scalar shape, as listed in `Member must satisfy constraint: [...]` for list/map members. */
export function allConstraintsOf(spec: StringShape | NumberShape): string[] {
  const out: string[] = [];
  if (spec.type === 'string') {
    if (spec.max !== undefined) out.push(constraintText.maxLength(spec.max));
    if (spec.min !== undefined) out.push(constraintText.minLength(spec.min));
    if (spec.pattern !== undefined) out.push(constraintText.pattern(spec.pattern));
    if (spec.enum !== undefined) out.push(constraintText.enumSet(spec.enum));
    return out;
  }
  if (spec.max !== undefined) out.push(constraintText.maxValue(spec.max));
  if (spec.min !== undefined) out.push(constraintText.minValue(spec.min));
  return out;
}

const compiled = new Map<string, RegExp>();

/** Model patterns are Java regexes matched against the whole value; `\p{L}`-style classes need the `u` flag. */
export function matchesModelPattern(pattern: string, value: string): boolean {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      regex = new RegExp(`^(?:${pattern})$`);
    }
    compiled.set(pattern, regex);
  }
  return regex.test(value);
}
