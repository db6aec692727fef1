import type { JsonCondition } from '../storage/index.js';
import { assertNever } from '../kernel/index.js';
import type { SqlParams } from './sql-values.js';

/** Property names a filter pattern can select; anything else is left to the exact match. */
const PROPERTY = /^[A-Za-z0-9_-]+$/;
/** Operators by name, so only these five spellings can ever reach the SQL text. */
const OPERATORS = { '=': '=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' } as const;
/** DuckDB's path parser rejects larger indexes outright; no real array reaches them. */
const MAX_INDEX = 2_147_483_647;

/**
 * A `JsonCondition` as a DuckDB predicate on `message`. DuckDB reads JSON a little differently from JSON.parse, so
 * the predicate is only trusted where both must agree, and admits every other event (the exact match runs after):
 * - a message with a backslash may spell keys or values with escapes: admitted;
 * - a message DuckDB cannot parse but JSON.parse might (it starts with `{` after JSON whitespace): admitted;
 * - duplicate keys: DuckDB reads the first, JSON.parse the last, so a comparison also holds when a property name on
 *   its path occurs twice in the text (without escapes a key is always spelled `"name"`).
 * Every value, path included, is bound.
 */
export function jsonConditionSql(p: SqlParams, condition: JsonCondition): string {
  return `CASE WHEN contains(message, '\\') THEN true
    WHEN json_valid(message) THEN ${conditionSql(p, condition)}
    ELSE starts_with(ltrim(message, ${p.text(' \t\n\r')}), '{') END`;
}

function conditionSql(p: SqlParams, condition: JsonCondition): string {
  switch (condition.kind) {
    case 'all':
    case 'any':
      if (condition.operands.length === 0) return condition.kind === 'all' ? 'true' : 'false';
      return `(${condition.operands.map((operand) => conditionSql(p, operand)).join(condition.kind === 'all' ? ' AND ' : ' OR ')})`;
    case 'number':
    case 'text': {
      const path = jsonPath(condition.path);
      if (path === undefined) return 'true';
      const value = `json_extract_string(message, ${p.text(path)})`;
      return `(${leafSql(p, condition, value)}${duplicateKeysSql(p, condition.path)})`;
    }
    default:
      return assertNever(condition, 'JSON condition');
  }
}

function leafSql(p: SqlParams, condition: Extract<JsonCondition, { kind: 'number' | 'text' }>, value: string): string {
  if (condition.kind === 'number') {
    // DuckDB's cast reads every text JSON.parse's numbers and NUMBER_TEXT accept, to the same double (it also
    // accepts a few more, like ' 5' or 'inf': those are only extra candidates).
    // The bound is bound as text: String() of a finite double reads back as the same double.
    return `TRY_CAST(${value} AS DOUBLE) ${OPERATORS[condition.operator]} CAST(${p.text(String(condition.value))} AS DOUBLE)`;
  }
  const text = p.text(condition.value);
  switch (condition.match) {
    case 'equals':
      return `${value} = ${text}`;
    case 'starts-with':
      return `starts_with(${value}, ${text})`;
    case 'ends-with':
      return `ends_with(${value}, ${text})`;
    case 'contains':
      return `contains(${value}, ${text})`;
    default:
      return assertNever(condition.match, 'text match');
  }
}

/** ` OR` the text holds some property name of the path twice, or '' for a path of indexes only. */
function duplicateKeysSql(p: SqlParams, path: readonly (string | number)[]): string {
  const keys = [...new Set(path.filter((step): step is string => typeof step === 'string'))];
  return keys
    .map((key) => {
      const quoted = p.text(`"${key}"`);
      return ` OR contains(substr(message, strpos(message, ${quoted}) + ${p.int(key.length + 2)}), ${quoted})`;
    })
    .join('');
}

/** `$."a-b"[0]."c"`, or undefined when a step is not something a filter pattern could select. */
function jsonPath(path: readonly (string | number)[]): string | undefined {
  let text = '$';
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Number.isInteger(step) || step < 0 || step > MAX_INDEX) return undefined;
      text += `[${step}]`;
    } else {
      if (!PROPERTY.test(step)) return undefined;
      text += `."${step}"`;
    }
  }
  return path.length === 0 ? undefined : text;
}
