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
 * How a predicate reads the JSON of an object-shaped message:
 * - `direct`: parses it once, in the extraction; DuckDB then fails the whole statement on a message it cannot parse;
 * - `validated`: json_valid first (a second parse of every object), admitting what DuckDB cannot parse.
 * A caller runs `direct` and falls back to `validated` when the statement fails (event-reader.ts).
 */
export type JsonReading = 'direct' | 'validated';

/**
 * A `JsonCondition` as a DuckDB predicate on `message`. DuckDB reads JSON a little differently from JSON.parse, so
 * the predicate is only trusted where both must agree, and admits every other event (the exact match runs after):
 * - a message that is not an object (its first non-whitespace character is not `{`) never matches: rejected
 *   without being parsed;
 * - an object with a backslash may spell keys or values with escapes: admitted;
 * - an object DuckDB cannot parse, but JSON.parse might: admitted when `validated`;
 * - duplicate keys: DuckDB reads the first, JSON.parse the last, so a comparison also holds when a property name on
 *   its path occurs twice in the text (without escapes a key is always spelled `"name"`).
 * A boolean expression rather than a CASE (measured a few per cent faster): DuckDB evaluates each OR and AND
 * operand only on the rows still undecided, so the JSON is never parsed for a message already admitted or rejected.
 * Were DuckDB ever to reorder them, a `direct` read would fail and fall back, and a `validated` one keeps its CASE.
 * Every value, path included, is bound.
 */
export function jsonConditionSql(p: SqlParams, condition: JsonCondition, reading: JsonReading): string {
  // ltrim copies the message, so only a message that starts with JSON whitespace pays for it.
  const object = `(starts_with(message, '{') OR (ascii(message) IN (9, 10, 13, 32) AND starts_with(ltrim(message, ${p.text(' \t\n\r')}), '{')))`;
  const matches = conditionSql(p, condition);
  const read = reading === 'direct' ? matches : `CASE WHEN json_valid(message) THEN ${matches} ELSE true END`;
  return `(${object} AND (contains(message, '\\') OR ${read}))`;
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

/**
 * ` OR` the text holds some property name of the path twice, or '' for a path of indexes only. A LIKE of literals
 * and `%` alone runs as successive substring searches, without copying the message; `_` (LIKE's one-character
 * wildcard, and legal in a name) becomes `%`, which only admits more.
 */
function duplicateKeysSql(p: SqlParams, path: readonly (string | number)[]): string {
  const keys = [...new Set(path.filter((step): step is string => typeof step === 'string'))];
  return keys
    .map((key) => ` OR message LIKE ${p.text(`%${likeLiteral(`"${key}"`)}%${likeLiteral(rareSuffix(key))}%`)}`)
    .join('');
}

function likeLiteral(text: string): string {
  return text.replaceAll('_', '%');
}

/** English letters, most frequent first; anything else (capitals, digits, `-`) counts as rarer than all of them. */
const LETTERS_BY_FREQUENCY = 'etaoinsrhldcumfpgwybvkxjqz';

/**
 * The end of `"key"` from its rarest character on: what the second occurrence is searched for. A substring search
 * jumps with memchr from one occurrence of the needle's first character to the next, and `"` is the commonest
 * character of JSON, so this needle is found (or not) in far fewer steps (measured ~30% less time than `"key"`).
 */
function rareSuffix(key: string): string {
  let start = 0;
  for (let i = 1; i < key.length; i++) if (rarity(key[i] as string) > rarity(key[start] as string)) start = i;
  return `${key.slice(start)}"`;
}

function rarity(char: string): number {
  if (char === '_') return -1; // it becomes a LIKE wildcard, so it never starts a needle
  const rank = LETTERS_BY_FREQUENCY.indexOf(char);
  return rank === -1 ? LETTERS_BY_FREQUENCY.length : rank;
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
