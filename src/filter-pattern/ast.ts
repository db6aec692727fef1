/**
 * The filter-pattern AST: immutable tagged unions, one per pattern family. Derived matching data (compiled regexes,
 * wildcard shapes) lives in the nodes so that matching a million events does no per-event preparation; it is a pure
 * function of the source text, so `parse(print(p))` still deep-equals `p`.
 */

/** The whole pattern. An empty pattern, `" "` or only whitespace is `match-all`. */
export type FilterPattern = MatchAllPattern | TermsPattern | JsonPattern | SpaceDelimitedPattern;

export interface MatchAllPattern {
  readonly kind: 'match-all';
}

/** Unstructured pattern: a list of terms, phrases and regexes, optionally prefixed by `?` or `-`. */
export interface TermsPattern {
  readonly kind: 'terms';
  readonly clauses: readonly TermClause[];
}

/** `{ ... }`: a boolean expression over selectors into the event parsed as JSON. */
export interface JsonPattern {
  readonly kind: 'json';
  readonly expression: JsonExpression;
}

/** `[ ... ]`: positional fields of the event split on spaces. No fields (`[]`) accepts any number of fields. */
export interface SpaceDelimitedPattern {
  readonly kind: 'space-delimited';
  readonly fields: readonly SpaceField[];
}

/** A bare word (`ERROR`), a double-quoted phrase (`"Failed to process"`) or a `%regex%`. */
export type TermMatcher = WordTerm | PhraseTerm | RegexValue;

export interface WordTerm {
  readonly kind: 'term';
  readonly text: string;
}

export interface PhraseTerm {
  readonly kind: 'phrase';
  readonly text: string;
}

export type TermClause =
  | TermMatcher
  | { readonly kind: 'optional'; readonly matcher: TermMatcher }
  | { readonly kind: 'exclusion'; readonly matcher: TermMatcher };

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** The right-hand side of a comparison in JSON and space-delimited patterns. */
export type PatternValue = NumberValue | StringValue | RegexValue;

export interface NumberValue {
  readonly kind: 'number';
  /** As written (`+1000`, `10e-3`), so printing gives the user's spelling back. */
  readonly text: string;
  readonly value: number;
}

/**
 * A string compared for equality. A leading and/or trailing `*` is a wildcard (AWS: `*Event`, `Event*`; `Ev*ent` only
 * matches the literal text `Ev*ent`); `shape` and `core` are that decision made once at parse time.
 */
export interface StringValue {
  readonly kind: 'string';
  readonly value: string;
  readonly shape: 'exact' | 'starts-with' | 'ends-with' | 'contains' | 'any';
  /** `value` without its wildcard stars. */
  readonly core: string;
}

export interface RegexValue {
  readonly kind: 'regex';
  /** The text between the `%` signs, in AWS's dialect. */
  readonly source: string;
  /** Compiled once at parse time; stateless between tests. */
  readonly regex: CompiledRegex;
}

/** A compiled `%regex%`: `test` searches anywhere in the text, in time linear in its length (see aws-regex.ts). */
export interface CompiledRegex {
  readonly source: string;
  test(text: string): boolean;
}

/** `$.a.b[0]`: property names are strings, array indexes numbers. The first step is always a property name. */
export type JsonPath = readonly (string | number)[];

export type JsonExpression =
  | { readonly kind: 'and'; readonly operands: readonly JsonExpression[] }
  | { readonly kind: 'or'; readonly operands: readonly JsonExpression[] }
  | {
      readonly kind: 'compare';
      readonly path: JsonPath;
      readonly operator: ComparisonOperator;
      readonly value: PatternValue;
    }
  | { readonly kind: 'is'; readonly path: JsonPath; readonly test: 'NULL' | 'TRUE' | 'FALSE' }
  | { readonly kind: 'not-exists'; readonly path: JsonPath };

export type SpaceField =
  | { readonly kind: 'ellipsis' }
  /** `name` is '' for an unnamed slot (`[a, , b]` or a trailing comma); it is then extracted as `$<position>`. */
  | { readonly kind: 'field'; readonly name: string; readonly condition?: FieldCondition };

/** Conditions on one field; every comparison in a slot names that slot's field, so the name is kept on the field. */
export type FieldCondition =
  | { readonly kind: 'and'; readonly operands: readonly FieldCondition[] }
  | { readonly kind: 'or'; readonly operands: readonly FieldCondition[] }
  | { readonly kind: 'compare'; readonly operator: ComparisonOperator; readonly value: PatternValue };

export const MATCH_ALL: MatchAllPattern = Object.freeze({ kind: 'match-all' });
