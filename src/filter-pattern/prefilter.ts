import type { FieldCondition, FilterPattern, JsonExpression, JsonPath, PatternValue, TermMatcher, TermsPattern } from './ast.js';
import { assertNever } from '../kernel/index.js';
import { and, clause, type Cnf, or, TRUE } from './cnf.js';
import { requiredRegexLiterals } from './regex-literals.js';

/** Same shape as `SubstringPrefilter` in src/storage/log-store.ts (this module may not import storage). */
export interface SubstringPrefilter {
  readonly allOf: readonly (readonly string[])[];
}

/**
 * Substrings a message must contain to possibly match, for storage to skip events cheaply (case-sensitive
 * `contains`). It is only ever a NECESSARY condition: the exact match still runs on what passes. `allOf: []` means
 * "no prefilter".
 */
export function prefilterOf(pattern: FilterPattern): SubstringPrefilter {
  switch (pattern.kind) {
    case 'match-all':
      return { allOf: TRUE };
    case 'terms':
      return { allOf: termsCnf(pattern) };
    case 'json':
      return { allOf: jsonCnf(pattern.expression) };
    case 'space-delimited':
      return { allOf: and(pattern.fields.map((f) => (f.kind === 'field' && f.condition ? fieldCnf(f.condition) : TRUE))) };
    default:
      return assertNever(pattern, 'filter pattern');
  }
}

/** Plain terms each give a clause; `?` terms, when they count, give one clause together; exclusions give none. */
function termsCnf(pattern: TermsPattern): Cnf {
  const parts: Cnf[] = [];
  const optional: TermMatcher[] = [];
  for (const c of pattern.clauses) {
    if (c.kind === 'optional') optional.push(c.matcher);
    else if (c.kind !== 'exclusion') parts.push(literalsCnf(matcherLiterals(c)));
  }
  if (parts.length === 0 && optional.length > 0) {
    const each = optional.map(matcherLiterals);
    if (each.every((l) => l !== undefined)) parts.push(clause(each.flat() as string[]));
  }
  return and(parts);
}

function matcherLiterals(matcher: TermMatcher): readonly string[] | undefined {
  return matcher.kind === 'regex' ? requiredRegexLiterals(matcher.source) : [matcher.text];
}

/**
 * JSON text may escape any character (`\u0041`), so a substring of a decoded key or string only has to appear
 * verbatim when the message has no backslash at all: each such clause also admits `\`. The literals `true`, `false`
 * and `null` cannot be escaped. Values compared as text may be JSON numbers printed by JavaScript (`4e2` reads as
 * `400`), so literals made only of characters a number or boolean can print as are not used.
 */
function jsonCnf(expression: JsonExpression): Cnf {
  switch (expression.kind) {
    case 'and':
      return and(expression.operands.map(jsonCnf));
    case 'or':
      return or(expression.operands.map(jsonCnf));
    case 'compare':
      return and([keysCnf(expression.path), expression.operator === '=' ? jsonValueCnf(expression.value) : TRUE]);
    case 'is':
      return and([keysCnf(expression.path), clause([expression.test.toLowerCase()])]);
    case 'not-exists':
      return TRUE;
    default:
      return assertNever(expression, 'JSON expression');
  }
}

function keysCnf(path: JsonPath): Cnf {
  return and(path.filter((step): step is string => typeof step === 'string').map((key) => clause([key, '\\'])));
}

function jsonValueCnf(value: PatternValue): Cnf {
  const literals = valueLiterals(value);
  if (literals === undefined || literals.some((l) => /^[0-9.+\-eInfityruals]*$/.test(l))) return TRUE;
  return clause([...literals, '\\']);
}

/** Space-delimited fields are verbatim slices of the message, so their literals need no escape allowance. */
function fieldCnf(condition: FieldCondition): Cnf {
  switch (condition.kind) {
    case 'and':
      return and(condition.operands.map(fieldCnf));
    case 'or':
      return or(condition.operands.map(fieldCnf));
    case 'compare':
      return condition.operator === '=' ? literalsCnf(valueLiterals(condition.value)) : TRUE;
    default:
      return assertNever(condition, 'field condition');
  }
}

/** What an `=` comparison with this value requires the compared text to contain, if anything. */
function valueLiterals(value: PatternValue): readonly string[] | undefined {
  if (value.kind === 'regex') return requiredRegexLiterals(value.source);
  if (value.kind === 'string' && value.shape !== 'any' && value.core !== '') return [value.core];
  return undefined;
}

function literalsCnf(literals: readonly string[] | undefined): Cnf {
  return literals === undefined ? TRUE : clause(literals);
}
