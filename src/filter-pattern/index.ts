export type {
  CompiledRegex,
  ComparisonOperator,
  FieldCondition,
  FilterPattern,
  JsonExpression,
  JsonPath,
  JsonPattern,
  MatchAllPattern,
  PatternValue,
  SpaceDelimitedPattern,
  SpaceField,
  TermClause,
  TermMatcher,
  TermsPattern,
} from './ast.js';
export { FilterPatternError } from './filter-pattern-error.js';
export { parseFilterPattern } from './parser.js';
export { matchFilterPattern } from './matcher.js';
export type { FilterMatch } from './matcher.js';
export { prefilterOf } from './prefilter.js';
export { jsonPushdownOf } from './json-pushdown.js';
export type { JsonPushdown } from './json-pushdown.js';
export type { SubstringPrefilter } from './prefilter.js';
export { printFilterPattern } from './print.js';
export { countRegexes } from './count-regexes.js';
export { resolveJsonSelector } from './json-selector.js';
export { MAX_REGEXES_PER_PATTERN } from './scanner.js';
