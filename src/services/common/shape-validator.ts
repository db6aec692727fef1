import type { NumberShape, ShapeSpec, ShapeTable, StringShape } from '../../models/index.js';
import { allConstraintsOf, constraintText } from './constraint-text.js';
import { javaValueText } from './java-value-text.js';
import { failedConstraints, isRecord, readScalar, serializationError } from './scalar-check.js';

/** One failed constraint, as AWS reports it: `Value '<valueText>' at '<path>' failed to satisfy constraint: <constraint>`. */
export interface ConstraintViolation {
  /** e.g. `logGroupName`, `logEvents.1.member.message`. */
  readonly path: string;
  /** The value rendered as AWS prints it; `null` for a missing required member. */
  readonly valueText: string | null;
  /** The shape the failing value belongs to, e.g. `LogGroupName`. */
  readonly shape: string;
  readonly constraint: string;
}

export interface CheckedInput {
  /** A copy of the input holding only modeled members, integers truncated as AWS's JSON reader does. */
  readonly value: unknown;
  readonly violations: readonly ConstraintViolation[];
}

/**
 * Checks `input` against `shapeName` in `table`. Wrong JSON types end the check at once with the
 * `SerializationException` AWS's JSON reader raises; constraint failures are collected, in model member order.
 */
export function checkShape(table: ShapeTable, shapeName: string, input: unknown): CheckedInput {
  const violations: ConstraintViolation[] = [];
  const value = check(table, shapeName, input, '', violations);
  return { value, violations };
}

function check(table: ShapeTable, shapeName: string, value: unknown, path: string, out: ConstraintViolation[]): unknown {
  const spec = specOf(table, shapeName);
  switch (spec.type) {
    case 'string':
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const scalar = readScalar(spec, value);
      for (const constraint of failedConstraints(spec, scalar)) {
        out.push({ path, valueText: javaValueText(table, shapeName, scalar), shape: shapeName, constraint });
      }
      return scalar;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw serializationError(value, 'a Boolean');
      return value;
    case 'timestamp':
      if (typeof value !== 'number') throw serializationError(value, 'a Timestamp');
      return value;
    case 'blob':
      // awsJson hands blobs over as base64 text; rest-json has already decoded them to bytes.
      if (typeof value !== 'string' && !(value instanceof Uint8Array)) throw serializationError(value, 'a Blob');
      return value;
    case 'document':
      return value;
    case 'list':
      return checkList(table, shapeName, spec.member, value, path, out);
    case 'map':
      return checkMap(table, shapeName, value, path, out);
    case 'structure': {
      if (!isRecord(value)) throw serializationError(value, 'a Structure');
      const result: Record<string, unknown> = {};
      for (const { member, memberShape, required } of membersOf(spec)) {
        const memberValue = value[member];
        if (memberValue === undefined || memberValue === null) {
          if (required) out.push({ path: joinPath(path, member), valueText: null, shape: memberShape, constraint: constraintText.notNull });
          continue;
        }
        result[member] = check(table, memberShape, memberValue, joinPath(path, member), out);
      }
      return result;
    }
  }
}

function checkList(table: ShapeTable, listShape: string, memberShape: string, value: unknown, path: string, out: ConstraintViolation[]): unknown {
  if (!Array.isArray(value)) throw serializationError(value, 'a List');
  const spec = specOf(table, listShape);
  const items = value.filter((item) => item !== null && item !== undefined);
  const nested: ConstraintViolation[] = [];
  const result = items.map((item, i) => check(table, memberShape, item, `${path}.${i + 1}.member`, nested));
  // Rendering the value costs as much as the list is long (a 1 MB batch of events), so only a violation pays for it.
  const valueText = (): string => javaValueText(table, listShape, result);
  pushSizeViolations(spec, result.length, { path, shape: listShape }, valueText, out);
  const member = specOf(table, memberShape);
  if (isScalarSpec(member)) {
    // AWS reports a bad scalar list member once, on the list, listing every constraint of the member shape.
    if (nested.length > 0) out.push({ path, valueText: valueText(), shape: listShape, constraint: `Member must satisfy constraint: [${allConstraintsOf(member).join(', ')}]` });
  } else {
    out.push(...nested);
  }
  return result;
}

function checkMap(table: ShapeTable, mapShape: string, value: unknown, path: string, out: ConstraintViolation[]): unknown {
  if (!isRecord(value)) throw serializationError(value, 'a Map');
  const spec = specOf(table, mapShape);
  if (spec.type !== 'map') throw new Error(`${mapShape} is not a map`);
  const result: Record<string, unknown> = {};
  let badKey = false;
  let badValue = false;
  const nested: ConstraintViolation[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item === null || item === undefined) continue;
    const keyViolations: ConstraintViolation[] = [];
    check(table, spec.key, key, path, keyViolations);
    badKey ||= keyViolations.length > 0;
    const before = nested.length;
    result[key] = check(table, spec.value, item, `${path}.${key}.member`, nested);
    badValue ||= nested.length > before;
  }
  const valueText = (): string => javaValueText(table, mapShape, result);
  pushSizeViolations(spec, Object.keys(result).length, { path, shape: mapShape }, valueText, out);
  const keySpec = specOf(table, spec.key);
  const valueSpec = specOf(table, spec.value);
  if (badKey && isScalarSpec(keySpec)) out.push({ path, valueText: valueText(), shape: mapShape, constraint: `Map key must satisfy constraint: [${allConstraintsOf(keySpec).join(', ')}]` });
  if (!isScalarSpec(valueSpec)) out.push(...nested);
  else if (badValue) out.push({ path, valueText: valueText(), shape: mapShape, constraint: `Map value must satisfy constraint: [${allConstraintsOf(valueSpec).join(', ')}]` });
  return result;
}

function pushSizeViolations(
  spec: ShapeSpec,
  size: number,
  at: Pick<ConstraintViolation, 'path' | 'shape'>,
  valueText: () => string,
  out: ConstraintViolation[],
): void {
  if (spec.type !== 'list' && spec.type !== 'map') return;
  if (spec.max !== undefined && size > spec.max) out.push({ ...at, valueText: valueText(), constraint: constraintText.maxLength(spec.max) });
  if (spec.min !== undefined && size < spec.min) out.push({ ...at, valueText: valueText(), constraint: constraintText.minLength(spec.min) });
}

interface MemberSpec {
  readonly member: string;
  readonly memberShape: string;
  readonly required: boolean;
}

/** A structure's members in model order, computed once per shape: validation runs per list item on hot paths. */
const memberCache = new WeakMap<ShapeSpec, readonly MemberSpec[]>();

function membersOf(spec: Extract<ShapeSpec, { type: 'structure' }>): readonly MemberSpec[] {
  let members = memberCache.get(spec);
  if (members === undefined) {
    const required = new Set(spec.required ?? []);
    members = Object.entries(spec.members).map(([member, memberShape]) => ({ member, memberShape, required: required.has(member) }));
    memberCache.set(spec, members);
  }
  return members;
}

function joinPath(path: string, member: string): string {
  return path === '' ? member : `${path}.${member}`;
}

function specOf(table: ShapeTable, name: string): ShapeSpec {
  const spec = table[name];
  if (spec === undefined) throw new Error(`shape ${name} is missing from the shape table`);
  return spec;
}

function isScalarSpec(spec: ShapeSpec): spec is StringShape | NumberShape {
  return spec.type === 'string' || spec.type === 'integer' || spec.type === 'long' || spec.type === 'float' || spec.type === 'double';
}
