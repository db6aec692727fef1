/**
 * The SEARCH expression language (the first argument of `SEARCH('...', 'Stat', Period)`): an optional metric schema in
 * braces followed by an optional boolean search term. Immutable tagged unions with no positions, so
 * `parseSearchQuery(printSearchQuery(q))` deep-equals `q`.
 */
export interface SearchQuery {
  /** `{Namespace, Dim1, ...}`: the metric must be in that namespace and have exactly those dimension names. */
  readonly schema: SearchSchema | undefined;
  /** The boolean term after the schema; undefined when the query is only a schema. */
  readonly term: SearchTerm | undefined;
}

export interface SearchSchema {
  readonly namespace: string;
  readonly dimensionNames: readonly string[];
}

export type SearchTerm = SearchAnd | SearchOr | SearchNot | SearchPartial | SearchExact | SearchProperty;

/** `a AND b`, or two terms side by side (AND is implicit). */
export interface SearchAnd {
  readonly kind: 'and';
  readonly left: SearchTerm;
  readonly right: SearchTerm;
}

export interface SearchOr {
  readonly kind: 'or';
  readonly left: SearchTerm;
  readonly right: SearchTerm;
}

export interface SearchNot {
  readonly kind: 'not';
  readonly operand: SearchTerm;
}

/** An unquoted term (`cpu`, `network/errors`): token match against any name or value of the metric. */
export interface SearchPartial {
  readonly kind: 'partial';
  readonly text: string;
}

/** A double-quoted term: equal to the metric name, namespace, a dimension name or a dimension value. */
export interface SearchExact {
  readonly kind: 'exact';
  readonly text: string;
}

/**
 * `Name=value` / `Name="value"`: `MetricName` and `Namespace` restrict the match to that property, `:aws.AccountId`
 * to the owning account, any other name to the value of the dimension with that name.
 */
export interface SearchProperty {
  readonly kind: 'property';
  readonly name: string;
  readonly value: string;
  /** True when the value was double-quoted (exact match); false for a token (partial) match. */
  readonly exact: boolean;
}
